package org.opennrm.cases.notes;

/** A note about the case, or a contact with the person (which has a channel). */
public enum NoteKind {
    NOTE,
    CONTACT
}
