package org.opennrm.linkage;

/** Where a possible duplicate stands: waiting for a case manager, or decided by one. Nothing is merged. */
public enum DuplicateStatus {
    OPEN,
    CONFIRMED_DIFFERENT,
    CONFIRMED_SAME;

    boolean isDecision() {
        return this != OPEN;
    }
}
