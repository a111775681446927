package org.opennrm.cases.justice;

/**
 * Whether the person co-operates with criminal proceedings. Recorded in the restricted criminal-justice track
 * only; no rule of assistance reads it (help is unconditional on co-operation).
 */
public enum Cooperation {
    YES,
    NO,
    UNKNOWN
}
