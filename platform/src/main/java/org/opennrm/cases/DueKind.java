package org.opennrm.cases;

import org.springframework.modulith.NamedInterface;

/** What the NRM owes a case next. The formal decision is due when the recovery and reflection period ends. */
@NamedInterface("events")
public enum DueKind {
    PRELIMINARY_DECISION,
    FORMAL_DECISION
}
