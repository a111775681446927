package org.opennrm.cases;

import org.springframework.modulith.NamedInterface;

/** The two identification decisions: reasonable grounds (preliminary), then conclusive (formal). */
@NamedInterface("events")
public enum DecisionKind {
    PRELIMINARY,
    FORMAL
}
