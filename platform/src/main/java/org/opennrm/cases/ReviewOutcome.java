package org.opennrm.cases;

/** What a multi-agency panel concludes on a negative decision: it stands, or it is reconsidered as positive. */
public enum ReviewOutcome {
    UPHELD,
    RECONSIDERED
}
