package org.opennrm.cases.web;

import java.util.Set;
import org.opennrm.cases.Case;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.cases.Vulnerability;

/** The form that changes a case's trafficking profile. */
record ProfileForm(
        Set<String> exploitationForms,
        Set<String> methodsOfControl,
        Set<String> sectors,
        Set<String> recruitmentMethods,
        Set<String> recruitmentPlatforms,
        String recruiterRelationship,
        Set<String> recruitmentCountries,
        Set<String> transitCountries,
        Set<String> exploitationCountries,
        Set<Vulnerability> vulnerabilities,
        Set<String> sexualExploitationTypes,
        Integer version) {

    static ProfileForm of(Case current) {
        var profile = current.profile();
        return new ProfileForm(
                profile.exploitationForms(),
                profile.methodsOfControl(),
                profile.sectors(),
                profile.recruitmentMethods(),
                profile.recruitmentPlatforms(),
                profile.recruiterRelationship(),
                profile.recruitmentCountries(),
                profile.transitCountries(),
                profile.exploitationCountries(),
                profile.vulnerabilities(),
                profile.sexualExploitationTypes(),
                current.version());
    }

    TraffickingProfile profile() {
        return new TraffickingProfile(
                exploitationForms,
                methodsOfControl,
                sectors,
                recruitmentMethods,
                recruitmentPlatforms,
                recruiterRelationship,
                recruitmentCountries,
                transitCountries,
                exploitationCountries,
                vulnerabilities,
                sexualExploitationTypes);
    }

    ProfileForm withVersion(int current) {
        return new ProfileForm(
                exploitationForms,
                methodsOfControl,
                sectors,
                recruitmentMethods,
                recruitmentPlatforms,
                recruiterRelationship,
                recruitmentCountries,
                transitCountries,
                exploitationCountries,
                vulnerabilities,
                sexualExploitationTypes,
                current);
    }
}
