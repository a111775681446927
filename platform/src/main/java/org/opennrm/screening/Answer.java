package org.opennrm.screening;

/** A screener's answer to one checklist question. Only YES counts towards an element. */
public enum Answer {
    YES,
    NO,
    DONT_KNOW
}
