package org.opennrm.cases;

/** Whether the NRM still works on a case. Kept apart from {@link Stage}: a case can close at any stage. */
public enum CaseStatus {
    OPEN,
    CLOSED
}
