package org.opennrm.cases;

/** The two identification decisions: reasonable grounds (preliminary), then conclusive (formal). */
public enum DecisionKind {
    PRELIMINARY,
    FORMAL
}
