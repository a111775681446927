package org.opennrm.cases;

/** Why a case was closed. */
public enum ClosureReason {
    DURABLE_SOLUTION,
    NOT_IDENTIFIED,
    PERSON_WITHDREW,
    TRANSFERRED,
    DUPLICATE,
    OTHER
}
