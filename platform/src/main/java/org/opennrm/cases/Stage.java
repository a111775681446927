package org.opennrm.cases;

import org.springframework.modulith.NamedInterface;

/**
 * Where a case is on the path of identification: referred and awaiting the preliminary decision, a negative
 * preliminary decision taken (open to review), in the recovery and reflection period awaiting the formal
 * decision, formal decision taken, in assistance.
 */
@NamedInterface("events")
public enum Stage {
    REFERRED,
    PRELIMINARY_DECISION,
    RECOVERY_PERIOD,
    FORMAL_DECISION,
    IN_ASSISTANCE
}
