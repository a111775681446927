package org.opennrm.referrals;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.EventEntry;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.cases.Vulnerability;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The referral form as a referrer fills it in on a phone: the person, the circumstances, what happened (HTCDS
 * codes, nothing pre-selected), one event of the timeline, consent per purpose, and for a child the guardian.
 */
record ReferralForm(
        @Size(max = 200, message = "{referral.name.size}") String givenName,
        @Size(max = 200, message = "{referral.name.size}") String familyName,
        @Size(max = 400, message = "{referral.name.size}") String otherNames,

        @PastOrPresent(message = "{referral.dateOfBirth.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate dateOfBirth,

        @Min(value = 0, message = "{referral.ageEstimate.range}")
        @Max(value = 120, message = "{referral.ageEstimate.range}")
        Integer ageEstimate,

        Boolean ageInDoubt,
        String gender,
        Set<String> citizenships,
        String primaryLanguage,
        String secondaryLanguage,

        @Size(max = 5000, message = "{referral.circumstances.size}")
        String circumstances,

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
        String eventType,

        @PastOrPresent(message = "{referral.eventDate.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate eventDate,

        String eventCountry,

        @Size(max = 2000, message = "{referral.eventDescription.size}")
        String eventDescription,

        Boolean consentAssistance,
        Boolean consentStatistics,
        Boolean consentPoliceContact,
        Set<UUID> sharingOrganisations,
        UUID guardianAccountId,
        UUID screeningId) {

    ReferralForm {
        ageInDoubt = Boolean.TRUE.equals(ageInDoubt);
        consentAssistance = Boolean.TRUE.equals(consentAssistance);
        consentStatistics = Boolean.TRUE.equals(consentStatistics);
        consentPoliceContact = Boolean.TRUE.equals(consentPoliceContact);
        citizenships = set(citizenships);
        primaryLanguage = blank(primaryLanguage);
        secondaryLanguage = blank(secondaryLanguage);
        exploitationForms = set(exploitationForms);
        methodsOfControl = set(methodsOfControl);
        sectors = set(sectors);
        recruitmentMethods = set(recruitmentMethods);
        recruitmentPlatforms = set(recruitmentPlatforms);
        recruitmentCountries = set(recruitmentCountries);
        transitCountries = set(transitCountries);
        exploitationCountries = set(exploitationCountries);
        vulnerabilities = vulnerabilities == null ? Set.of() : Set.copyOf(vulnerabilities);
        sharingOrganisations = sharingOrganisations == null ? Set.of() : Set.copyOf(sharingOrganisations);
    }

    static ReferralForm blank(UUID screeningId) {
        return new ReferralForm(
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                null,
                null,
                screeningId);
    }

    /** The form with what the referrer stated in the screening it follows. */
    ReferralForm withScreening(Set<String> screenedForms, boolean screenedAgeInDoubt) {
        return new ReferralForm(
                givenName,
                familyName,
                otherNames,
                dateOfBirth,
                ageEstimate,
                screenedAgeInDoubt,
                gender,
                citizenships,
                primaryLanguage,
                secondaryLanguage,
                circumstances,
                screenedForms,
                methodsOfControl,
                sectors,
                recruitmentMethods,
                recruitmentPlatforms,
                recruiterRelationship,
                recruitmentCountries,
                transitCountries,
                exploitationCountries,
                vulnerabilities,
                eventType,
                eventDate,
                eventCountry,
                eventDescription,
                consentAssistance,
                consentStatistics,
                consentPoliceContact,
                sharingOrganisations,
                guardianAccountId,
                screeningId);
    }

    ReferralRequest request(boolean childrensProcedure) {
        var person = new PersonIdentity(
                givenName, familyName, otherNames, dateOfBirth, ageEstimate, blank(gender), citizenships, languages());
        var profile = new TraffickingProfile(
                exploitationForms,
                methodsOfControl,
                sectors,
                recruitmentMethods,
                recruitmentPlatforms,
                blank(recruiterRelationship),
                recruitmentCountries,
                transitCountries,
                exploitationCountries,
                vulnerabilities);
        var consents = new ArrayList<ConsentStatement>();
        // a child's help has no consent gate: only what the guardian agreed to is recorded
        if (consentAssistance || !childrensProcedure) {
            consents.add(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, consentAssistance));
        }
        if (consentStatistics || !childrensProcedure) {
            consents.add(new ConsentStatement(ConsentPurpose.STATISTICS, null, consentStatistics));
        }
        if (consentPoliceContact || !childrensProcedure) {
            consents.add(new ConsentStatement(ConsentPurpose.POLICE_CONTACT, null, consentPoliceContact));
        }
        sharingOrganisations.forEach(
                organisation -> consents.add(new ConsentStatement(ConsentPurpose.SHARING, organisation, true)));
        List<EventEntry> events = eventType == null || eventType.isBlank()
                ? List.of()
                : List.of(new EventEntry(eventType, eventDate, blank(eventCountry), eventDescription));
        return new ReferralRequest(
                person, ageInDoubt, circumstances, profile, consents, events, guardianAccountId, screeningId);
    }

    /** Whether the children's procedure applies to what was entered (under 18, or age in doubt). */
    boolean childrensProcedure(LocalDate today) {
        if (ageInDoubt) {
            return true;
        }
        if (dateOfBirth != null) {
            return java.time.Period.between(dateOfBirth, today).getYears() < 18;
        }
        return ageEstimate != null && ageEstimate < 18;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Set<String> set(Set<String> values) {
        return values == null
                ? Set.of()
                : Set.copyOf(
                        values.stream().filter(v -> v != null && !v.isBlank()).toList());
    }

    @Override
    public String toString() {
        return "ReferralForm[masked]";
    }

    /** The person's languages in the order of the form: the primary first (HTCDS prs_PrimaryLanguage), then the second. */
    java.util.Set<String> languages() {
        var languages = new java.util.LinkedHashSet<String>();
        if (primaryLanguage != null) {
            languages.add(primaryLanguage);
        }
        if (secondaryLanguage != null) {
            languages.add(secondaryLanguage);
        }
        return languages;
    }
}
