package org.opennrm.statistics;

/** What happened, for which a fact is counted. */
public enum EventKind {
    REFERRAL,
    ANONYMOUS_NOTIFICATION,
    SCREENING,
    IDENTIFICATION_DECISION,
    SERVICE_DELIVERED,
    CLOSURE,
    /* counted apart from CLOSURE: a closure through assistance is both a closure and a durable solution */
    DURABLE_SOLUTION,
    ASSISTANCE_STARTED,
    CASE_REOPENED,
    CONSENT_GIVEN,
    CONSENT_WITHDRAWN,
    GUARDIAN_APPOINTED,
    AGE_ASSESSED,
    DECISION_REVIEWED,
    SERVICE_REFERRAL_SENT,
    SERVICE_REFERRAL_ACCEPTED,
    SERVICE_REFERRAL_DECLINED,
    SERVICE_REFERRAL_WITHDRAWN,
    SERVICE_REFERRAL_COMPLETED,
    CASE_TRANSFERRED,
    /* a positive preliminary decision granted a recovery and reflection period, counted with its length band */
    RECOVERY_PERIOD_GRANTED,
    /* a decision on a residence permit applied for or compensation claimed (granted, awarded, refused) */
    SERVICE_RESULT,
    /* an offence recorded under the non-punishment principle */
    NON_PUNISHMENT,
    /*
     * a count an agency outside the case system reported (police, prosecution, courts...), published with an official
     * return (ReportedTables): never a fact, never a national table; its cells name the agency and the measure
     */
    AGENCY_FIGURE
}
