package org.opennrm.cases;

/** What the NRM owes a case next. The formal decision is due when the recovery and reflection period ends. */
public enum DueKind {
    PRELIMINARY_DECISION,
    FORMAL_DECISION
}
