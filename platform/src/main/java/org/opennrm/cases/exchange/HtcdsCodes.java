package org.opennrm.cases.exchange;

import java.time.LocalDate;
import java.time.Period;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.organisations.Sector;

/**
 * How the NRM's own words become HTCDS v2.0 codes where the standard has a picklist the case file does not use
 * directly (field names and values from HTCDS_Field_Standards_2.0.ods, sheet Field_Standards). The trafficking
 * profile is kept in HTCDS codes already and passes unchanged.
 */
final class HtcdsCodes {

    private HtcdsCodes() {}

    /**
     * {@code vic_TraffickingStatus} from the decision that stands. HTCDS calls "possible" a person with indicators
     * whose status is not verified: a referral awaiting its decision, or a positive reasonable-grounds decision
     * (presumed victim) awaiting the conclusive one. Either negative decision is "not a victim" while it stands.
     */
    static String traffickingStatus(DecisionOutcome standing) {
        if (standing == null) {
            return "PossibleVictimOfTrafficking";
        }
        return switch (standing) {
            case PRESUMED_VICTIM -> "PossibleVictimOfTrafficking";
            case IDENTIFIED -> "ActualVictimOfTrafficking";
            case NOT_PRESUMED, NOT_IDENTIFIED -> "NotAVictimOfTrafficking";
        };
    }

    /**
     * {@code vic_TraffickingStatusDecisionMakingOrg} from the sector of the organisation that took the standing
     * decision. Public bodies other than the police are "non-police governmental"; sectors that may be public or
     * private (health, education) and everything else are "other", rather than guessed.
     */
    static String decisionMakingOrganisation(Sector sector) {
        if (sector == null) {
            return null;
        }
        return switch (sector) {
            case POLICE -> "Police";
            case NGO -> "NGO";
            case PROSECUTION, JUDICIARY -> "CourtOrProsecution";
            case LABOUR_INSPECTORATE,
                    SOCIAL_SERVICES,
                    MUNICIPALITY,
                    IMMIGRATION,
                    BORDER_GUARD,
                    OMBUDSMAN_OR_NATIONAL_RAPPORTEUR,
                    FINANCIAL_INTELLIGENCE_UNIT,
                    PUBLIC_PROCUREMENT -> "NonPoliceGovernmentalOrganization";
            case HEALTH,
                    EDUCATION,
                    TRADE_UNION,
                    EMPLOYER_OR_BUSINESS,
                    MEDIA,
                    COMMUNITY_OR_RELIGIOUS_ORGANISATION,
                    INTERNATIONAL_ORGANISATION,
                    OTHER -> "Other";
        };
    }

    /**
     * {@code vic_TypeOfExploitation}: the profile's forms as HTCDS knows them; a form of the national extension
     * (forced criminality, online scam compounds) is written as "Other", once.
     */
    static java.util.List<String> exploitationForms(java.util.Collection<String> forms) {
        return forms.stream()
                .map(form -> CodeLists.EXTENDED_EXPLOITATION_FORMS.contains(form) ? "Other" : form)
                .distinct()
                .toList();
    }

    /**
     * {@code cas_ReasonForCaseClosure}, which HTCDS defines as text, not a code: the reason in words, in English, the
     * language of the exchange.
     */
    static String reasonForClosure(ClosureReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case DURABLE_SOLUTION -> "Durable solution reached";
            case NOT_IDENTIFIED -> "Not identified as a victim of trafficking";
            case PERSON_WITHDREW -> "The person withdrew from assistance";
            case TRANSFERRED -> "Transferred to another organisation";
            case DUPLICATE -> "Duplicate of another case";
            case OTHER -> "Other reason";
        };
    }

    /** {@code cas_Status}: an open case is active; a closed one transferred elsewhere is "closed referred". */
    static String caseStatus(CaseStatus status, ClosureReason reason) {
        if (status == CaseStatus.OPEN) {
            return "Active";
        }
        return reason == ClosureReason.TRANSFERRED ? "ClosedReferred" : "Closed";
    }

    /**
     * The CTDC {@code ageBroad} band of the age at referral, from the date of birth or else the estimate; null
     * when neither is known (age in doubt).
     */
    static String ageBand(LocalDate dateOfBirth, Integer ageEstimate, LocalDate referredOn) {
        Integer age = dateOfBirth != null
                ? Integer.valueOf(Period.between(dateOfBirth, referredOn).getYears())
                : ageEstimate;
        AgeGroup band = AgeGroup.ofAge(age);
        return band == null ? null : band.ctdcCode();
    }
}
