package org.opennrm.cases;

import org.springframework.modulith.NamedInterface;

/**
 * Whether the children's procedure applies. A person whose age is in doubt is treated as a child until an age
 * assessment says otherwise (Council of Europe Convention on Action against Trafficking, Art. 10(3)).
 */
@NamedInterface("events")
public enum AgeCategory {
    CHILD,
    AGE_IN_DOUBT,
    ADULT;

    /** A guardian, a best-interests assessment, and no consent gate on help. */
    public boolean childrensProcedure() {
        return this != ADULT;
    }
}
