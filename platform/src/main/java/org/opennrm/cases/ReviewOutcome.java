package org.opennrm.cases;

import org.springframework.modulith.NamedInterface;

/** What a multi-agency panel concludes on a negative decision: it stands, or it is reconsidered as positive. */
@NamedInterface("events")
public enum ReviewOutcome {
    UPHELD,
    RECONSIDERED
}
