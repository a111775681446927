package org.opennrm.cases;

import org.springframework.modulith.NamedInterface;

/** Why a case was closed. */
@NamedInterface("events")
public enum ClosureReason {
    DURABLE_SOLUTION,
    NOT_IDENTIFIED,
    PERSON_WITHDREW,
    TRANSFERRED,
    DUPLICATE,
    OTHER
}
