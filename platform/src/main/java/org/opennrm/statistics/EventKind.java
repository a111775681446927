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
    DURABLE_SOLUTION
}
