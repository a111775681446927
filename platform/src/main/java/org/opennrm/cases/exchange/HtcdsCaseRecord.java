package org.opennrm.cases.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * One case as an HTCDS v2.0 record: codes of the standard's picklists, a pseudonym in place of the NRM
 * reference, and an age band in place of the date of birth. The identity is there only in an identifying
 * export, for a case whose consent covers sharing with the receiver; {@code toString()} never shows it.
 *
 * @param caseReference the exchange pseudonym of the case for the receiver (not the NRM reference)
 * @param referredOrganisation the organisation the case was last handed over to (HTCDS outgoing referral), or null
 * @param outgoingReferralDate the day of that handover, or null
 * @param ageCategory CHILD, ADULT or AGE_IN_DOUBT (the children's procedure applies to the last two)
 * @param ageBand the CTDC {@code ageBroad} band of the age at referral, or null when the age is not known
 * @param sexualExploitationTypes types of sexual exploitation, HTCDS {@code vic_TypeOfSexExploitation} codes
 * @param locationsOfRecruitment countries of recruitment, ISO 3166 alpha-3 (HTCDS {@code vic_LocationOfRecruitment})
 * @param locationsOfExploitation countries of exploitation, ISO 3166 alpha-3 ({@code vic_LocationOfExploitation})
 * @param sharingConsent whether consent to share with the receiver is in force ({@code con_Consent})
 * @param identity name and date of birth, or null
 */
public record HtcdsCaseRecord(
        String caseReference,
        String caseStatus,
        String closureReason,
        String referringOrganisation,
        LocalDate referredOn,
        String referredOrganisation,
        LocalDate outgoingReferralDate,
        String gender,
        List<String> citizenships,
        String primaryLanguage,
        String secondaryLanguage,
        String ageCategory,
        String ageBand,
        String traffickingStatus,
        String decisionMakingOrganisation,
        List<String> exploitationForms,
        List<String> sexualExploitationTypes,
        List<String> methodsOfControl,
        List<String> industries,
        List<String> recruitmentMethods,
        List<String> recruitmentPlatforms,
        String relationshipToTrafficker,
        List<String> locationsOfRecruitment,
        List<String> locationsOfExploitation,
        List<Event> events,
        boolean sharingConsent,
        Identity identity) {

    public HtcdsCaseRecord {
        citizenships = List.copyOf(citizenships);
        exploitationForms = List.copyOf(exploitationForms);
        sexualExploitationTypes = List.copyOf(sexualExploitationTypes);
        methodsOfControl = List.copyOf(methodsOfControl);
        industries = List.copyOf(industries);
        recruitmentMethods = List.copyOf(recruitmentMethods);
        recruitmentPlatforms = List.copyOf(recruitmentPlatforms);
        locationsOfRecruitment = List.copyOf(locationsOfRecruitment);
        locationsOfExploitation = List.copyOf(locationsOfExploitation);
        events = List.copyOf(events);
    }

    /** A historic trafficking event: HTCDS {@code hte_Type}, {@code hte_Date}, {@code hte_Country}; no description. */
    public record Event(String type, LocalDate date, String country) {}

    /** HTCDS {@code prs_FirstName}, {@code prs_SecondName}, {@code prs_Birthdate}. */
    public record Identity(String firstName, String secondName, LocalDate birthdate) {

        @Override
        public String toString() {
            return "Identity[masked]";
        }
    }

    @Override
    public String toString() {
        return "HtcdsCaseRecord[" + caseReference + (identity == null ? "" : ", identity masked") + "]";
    }
}
