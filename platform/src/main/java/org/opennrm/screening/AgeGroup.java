package org.opennrm.screening;

/** Whether the person screened is an adult, a child, or of unknown age (then presumed a child by default). */
public enum AgeGroup {
    ADULT,
    CHILD,
    UNKNOWN
}
