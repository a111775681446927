package org.opennrm.cases;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What happened to the person, in HTCDS v2 codes: forms of exploitation (several at once, any gender, none
 * assumed), methods of control, sectors (ISIC sections), recruitment method and online platforms, relationship
 * to the recruiter, countries (ISO 3166 alpha-3) of recruitment, transit and exploitation, and the
 * vulnerabilities stated, and the types of sexual exploitation (HTCDS {@code vic_TypeOfSexExploitation}, several
 * at once). Nothing is ever filled in by default.
 */
public record TraffickingProfile(
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
        Set<String> sexualExploitationTypes) {

    public TraffickingProfile {
        exploitationForms = copy(exploitationForms);
        methodsOfControl = copy(methodsOfControl);
        sectors = copy(sectors);
        recruitmentMethods = copy(recruitmentMethods);
        recruitmentPlatforms = copy(recruitmentPlatforms);
        recruiterRelationship =
                recruiterRelationship == null || recruiterRelationship.isBlank() ? null : recruiterRelationship;
        recruitmentCountries = copy(recruitmentCountries);
        transitCountries = copy(transitCountries);
        exploitationCountries = copy(exploitationCountries);
        vulnerabilities = vulnerabilities == null || vulnerabilities.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(vulnerabilities));
        sexualExploitationTypes = copy(sexualExploitationTypes);
    }

    /** A profile without types of sexual exploitation (the forms that do not ask for them: referral, import). */
    public TraffickingProfile(
            Set<String> exploitationForms,
            Set<String> methodsOfControl,
            Set<String> sectors,
            Set<String> recruitmentMethods,
            Set<String> recruitmentPlatforms,
            String recruiterRelationship,
            Set<String> recruitmentCountries,
            Set<String> transitCountries,
            Set<String> exploitationCountries,
            Set<Vulnerability> vulnerabilities) {
        this(
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
                null);
    }

    public static TraffickingProfile empty() {
        return new TraffickingProfile(null, null, null, null, null, null, null, null, null, null, null);
    }

    void validate(CodeLists codes) {
        codes.require(CodeLists.EXPLOITATION_FORM, exploitationForms);
        codes.require(CodeLists.METHOD_OF_CONTROL, methodsOfControl);
        codes.require(CodeLists.SECTOR, sectors);
        codes.require(CodeLists.RECRUITMENT_METHOD, recruitmentMethods);
        codes.require(CodeLists.RECRUITMENT_PLATFORM, recruitmentPlatforms);
        codes.requireOptional(CodeLists.RECRUITER_RELATIONSHIP, recruiterRelationship);
        codes.require(CodeLists.COUNTRY, recruitmentCountries);
        codes.require(CodeLists.COUNTRY, transitCountries);
        codes.require(CodeLists.COUNTRY, exploitationCountries);
        codes.require(CodeLists.SEXUAL_EXPLOITATION_TYPE, sexualExploitationTypes);
    }

    private static Set<String> copy(Set<String> codes) {
        if (codes == null) {
            return Set.of();
        }
        var copy = new LinkedHashSet<String>();
        codes.stream()
                .filter(code -> code != null && !code.isBlank())
                .map(String::strip)
                .forEach(copy::add);
        return Collections.unmodifiableSet(copy);
    }
}
