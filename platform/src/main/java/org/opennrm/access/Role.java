package org.opennrm.access;

import static org.opennrm.access.Permission.*;
import static org.opennrm.access.Scope.*;

import java.util.Set;

/**
 * The roles of the people who work in the NRM. Permissions come from roles only, so that an
 * administrator changes what a person may do by changing their roles, and every change is audited.
 */
public enum Role {
    ADMINISTRATOR(
            true,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(ORGANISATIONS_MANAGE, ALL),
                    g(AGREEMENTS_READ, ALL),
                    g(AGREEMENTS_MANAGE, ALL),
                    g(ACCOUNTS_READ, ALL),
                    g(ACCOUNTS_MANAGE, ALL),
                    g(AUDIT_READ, ALL),
                    g(RETENTION_MANAGE, ALL),
                    g(TOKENS_MANAGE, OWN),
                    g(CHECKLISTS_MANAGE, ALL))),
    COORDINATOR(
            true,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(ORGANISATIONS_MANAGE, ALL),
                    g(AGREEMENTS_READ, ALL),
                    g(AGREEMENTS_MANAGE, ALL),
                    g(ACCOUNTS_READ, ALL),
                    g(CASES_READ, ALL),
                    g(CASES_EXPORT, ALL),
                    g(REFERRALS_READ, ALL),
                    g(STATISTICS_READ, ALL),
                    g(LINKAGE_RUN, ALL),
                    g(RETENTION_MANAGE, ALL),
                    g(PLAN_READ, ALL),
                    g(PLAN_MANAGE, ALL),
                    g(PLAN_RECOMMEND, ALL),
                    g(TOKENS_MANAGE, OWN),
                    g(PLAN_PUBLISH, ALL))),
    REFERRER(
            false,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(AGREEMENTS_READ, ORGANISATION),
                    g(SCREENING_PERFORM, OWN),
                    g(REFERRALS_CREATE, ORGANISATION),
                    g(REFERRALS_READ, ORGANISATION),
                    g(PLAN_UPDATE, ORGANISATION),
                    g(TOKENS_MANAGE, OWN))),
    CASE_MANAGER(
            true,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(AGREEMENTS_READ, ORGANISATION),
                    g(SCREENING_PERFORM, OWN),
                    g(REFERRALS_READ, ALL),
                    g(CASES_READ, ALL),
                    g(CASES_WRITE, ALL),
                    g(CASES_EXPORT, ALL),
                    g(CRIMINAL_JUSTICE_READ, ALL),
                    g(SHARING_OVERRIDE, ALL),
                    g(PLAN_UPDATE, ORGANISATION),
                    g(TOKENS_MANAGE, OWN))),
    IDENTIFICATION_OFFICER(
            true,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(AGREEMENTS_READ, ORGANISATION),
                    g(CASES_READ, ALL),
                    g(DECISIONS_TAKE, ALL),
                    g(CRIMINAL_JUSTICE_READ, ALL),
                    g(TOKENS_MANAGE, OWN))),
    SERVICE_PROVIDER(
            true,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(AGREEMENTS_READ, ORGANISATION),
                    g(CASES_READ, ORGANISATION),
                    g(SERVICES_RECORD, ORGANISATION),
                    g(PLAN_UPDATE, ORGANISATION),
                    g(TOKENS_MANAGE, OWN))),
    GUARDIAN(
            true,
            Set.of(g(ORGANISATIONS_READ, ALL), g(CASES_READ, OWN), g(CHILD_REPRESENT, OWN), g(TOKENS_MANAGE, OWN))),
    STATISTICIAN(
            false,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(STATISTICS_READ, ALL),
                    g(STATISTICS_RELEASE, ALL),
                    g(LINKAGE_RUN, ALL),
                    // the demo's statistician sits in the National Rapporteur's office: the rapporteur reads the plan
                    g(PLAN_READ, ALL),
                    g(PLAN_RECOMMEND, ALL),
                    g(TOKENS_MANAGE, OWN),
                    g(PLAN_PUBLISH, ALL),
                    g(PLAN_COMMENT, ALL))),
    /** Someone at a police force, prosecution service, court, labour inspectorate or FIU who reports its counts. */
    AGENCY_REPORTER(false, Set.of(g(ORGANISATIONS_READ, ALL), g(RETURNS_SUBMIT, ORGANISATION), g(TOKENS_MANAGE, OWN))),
    /**
     * Someone in a prevention unit (a ministry's, a municipality's, an NGO's) who aims campaigns by the published
     * evidence and measures them: reads trends, flags and cross-tables as published, registers campaigns and imports
     * their surveys. Never opens a case file.
     */
    PREVENTION_OFFICER(
            false,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(PREVENTION_READ, ALL),
                    g(CAMPAIGN_MANAGE, ALL),
                    g(TOKENS_MANAGE, OWN))),
    /**
     * Someone at the labour inspectorate who plans the next period's inspections: imports the inspectorate's workplace
     * register and inspection history and reads the ranked, explained list. Sees the own inspectorate's data only.
     */
    INSPECTION_PLANNER(
            false,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(INSPECTION_TARGETING, ORGANISATION),
                    g(PREVENTION_READ, ALL),
                    g(TOKENS_MANAGE, OWN))),
    /**
     * An analyst (a police unit's, an NGO's) who screens the agency's own collection of recruitment and
     * sexual-services ads: the triage queue, advertiser clusters and review labels of the own agency only.
     */
    AD_ANALYST(
            false,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(ADS_SCREENING, ORGANISATION),
                    g(PREVENTION_READ, ALL),
                    g(TOKENS_MANAGE, OWN))),
    /**
     * An analyst at the financial intelligence unit who codes reports against the published red flags and records
     * their dissemination; the feedback statistics leave the unit only through disclosure control.
     */
    FINANCIAL_ANALYST(
            false,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(FINANCIAL_FLAGS, ORGANISATION),
                    g(PREVENTION_READ, ALL),
                    g(TOKENS_MANAGE, OWN))),
    /**
     * Someone at a public procurement office who screens suppliers against lists of employers found using forced
     * labour and fills in the sector's risk checklist; the own office's screenings only.
     */
    PROCUREMENT_OFFICER(
            false,
            Set.of(
                    g(ORGANISATIONS_READ, ALL),
                    g(SUPPLIER_SCREENING, ORGANISATION),
                    g(PREVENTION_READ, ALL),
                    g(TOKENS_MANAGE, OWN)));

    private final boolean opensCaseFiles;
    private final Set<Grant> grants;

    Role(boolean opensCaseFiles, Set<Grant> grants) {
        this.opensCaseFiles = opensCaseFiles;
        this.grants = grants;
    }

    /**
     * Roles that can open case files (or, for administrators, change who can) must sign in with a
     * second factor: a stolen password alone must never expose a victim's file.
     */
    public boolean requiresSecondFactor() {
        return opensCaseFiles;
    }

    public Set<Grant> grants() {
        return grants;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    private static Grant g(Permission permission, Scope scope) {
        return new Grant(permission, scope);
    }
}
