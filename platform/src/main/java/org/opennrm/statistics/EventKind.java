package org.opennrm.statistics;

/** What happened, for which a fact is counted. */
public enum EventKind {
    REFERRAL,
    ANONYMOUS_NOTIFICATION,
    SCREENING,
    IDENTIFICATION_DECISION,
    SERVICE_DELIVERED,
    CLOSURE
}
