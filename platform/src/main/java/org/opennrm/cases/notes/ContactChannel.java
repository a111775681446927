package org.opennrm.cases.notes;

/** How a contact with the person took place. */
public enum ContactChannel {
    PHONE,
    VISIT,
    MEETING,
    MESSAGE,
    VIDEO
}
