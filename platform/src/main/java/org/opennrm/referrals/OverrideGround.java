package org.opennrm.referrals;

import org.springframework.modulith.NamedInterface;

/** The only grounds on which a case is shared without the person's consent. */
@NamedInterface("events")
public enum OverrideGround {
    CHILD_PROTECTION,
    RISK_TO_LIFE
}
