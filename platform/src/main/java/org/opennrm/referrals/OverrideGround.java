package org.opennrm.referrals;

/** The only grounds on which a case is shared without the person's consent. */
public enum OverrideGround {
    CHILD_PROTECTION,
    RISK_TO_LIFE
}
