package org.opennrm.access;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * Something an account may do. Together with a {@link Scope} it makes a grant, whose authority string
 * ({@code organisations:manage:all}) is what controllers and facades check.
 */
@NamedInterface("actor")
public enum Permission {
    ORGANISATIONS_READ,
    ORGANISATIONS_MANAGE,
    AGREEMENTS_READ,
    AGREEMENTS_MANAGE,
    ACCOUNTS_READ,
    ACCOUNTS_MANAGE,
    AUDIT_READ,
    TOKENS_MANAGE,
    SCREENING_PERFORM,
    REFERRALS_CREATE,
    REFERRALS_READ,
    CASES_READ,
    CASES_WRITE,
    DECISIONS_TAKE,
    SERVICES_RECORD,
    CHILD_REPRESENT,
    STATISTICS_READ,
    STATISTICS_RELEASE,
    /** Run linkage between agencies' encoded lists and download their overlap tables (counts, never persons). */
    LINKAGE_RUN,
    /** Open the restricted criminal-justice track of a case: proceedings, status in them, co-operation. */
    CRIMINAL_JUSTICE_READ,
    /** Share a case with an organisation without the person's consent, for a child's protection or a risk to life. */
    SHARING_OVERRIDE,
    /**
     * Export cases in the HTCDS v2 layout for an authorised exchange with a receiving organisation: pseudonymous by
     * default, with identity only for cases whose consent covers sharing with that organisation.
     */
    CASES_EXPORT,
    /**
     * Erase a person's case on request where the law allows, place and release legal holds, see the retention
     * settings: the data protection duties of the national co-ordinator (and the administrator's settings page).
     */
    RETENTION_MANAGE,
    /** Read the national action plan: its objectives, measures, status, budget (the rapporteur's reading). */
    PLAN_READ,
    /** Draft and change the national action plan: the national co-ordinator. */
    PLAN_MANAGE,
    /** Report the status, evidence and spending of the measures one's own organisation leads in the action plan. */
    PLAN_UPDATE,
    /** Register recommendations made to the country and link them to the action plan's measures (the rapporteur). */
    PLAN_RECOMMEND,
    /**
     * Enter or upload the aggregate criminal-justice counts of one's own agency (police, prosecution, courts, labour
     * inspectorate, financial intelligence unit) for the official returns: counts only, never a person.
     */
    RETURNS_SUBMIT,
    /**
     * Read prevention evidence: published trends and early-warning flags, who is exploited where, the campaign
     * register and the campaigns' measured results (counts and survey estimates, never a person).
     */
    PREVENTION_READ,
    /** Register prevention campaigns and import their knowledge-attitude-practice survey microdata (no identity). */
    CAMPAIGN_MANAGE,
    /**
     * Approve and publish the action plan's yearly public report that someone else drafted (a second co-ordinator, or
     * the national rapporteur's office): four eyes before anything about the plan goes to the public.
     */
    PLAN_PUBLISH,
    /**
     * Comment on the action plan's measures, recommendations and report drafts as the independent national rapporteur:
     * dated, attributed, never changed by anyone (the co-ordinator included).
     */
    PLAN_COMMENT,
    /**
     * Change the sector screening checklists in the pages: add, change or take out questions, each change a new
     * version of the checklist (the administrator's reference data, never a person).
     */
    CHECKLISTS_MANAGE,
    /**
     * Rank the own labour inspectorate's workplaces for inspection by a risk model trained on its own register and
     * inspection history (workplaces and findings, never workers' names): decision support, never an accusation.
     */
    INSPECTION_TARGETING,
    /**
     * Screen the own agency's collected recruitment and sexual-services ads for indicators, cluster them by advertiser
     * and label them in a triage queue (the agency's own collection; the platform never crawls).
     */
    ADS_SCREENING,
    /**
     * Code the own financial intelligence unit's suspicious-transaction reports against the catalogue of published
     * financial red flags and record what became of them (counts only leave the unit, through disclosure control).
     */
    FINANCIAL_FLAGS,
    /**
     * Screen the own procurement office's suppliers against imported lists of employers found using forced labour,
     * review the fuzzy matches, and fill in the sector's procurement risk checklist.
     */
    SUPPLIER_SCREENING;

    /** {@code ORGANISATIONS_MANAGE} is written {@code organisations:manage}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ":");
    }
}
