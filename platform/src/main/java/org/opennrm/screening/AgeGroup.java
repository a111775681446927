package org.opennrm.screening;

import org.springframework.modulith.NamedInterface;

/** Whether the person screened is an adult, a child, or of unknown age (then presumed a child by default). */
@NamedInterface("events")
public enum AgeGroup {
    ADULT,
    CHILD,
    UNKNOWN
}
