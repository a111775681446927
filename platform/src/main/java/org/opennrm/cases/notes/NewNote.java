package org.opennrm.cases.notes;

import java.time.LocalDate;

/** What a person writes down: the kind, for a contact its channel, the day it happened and the text. */
public record NewNote(NoteKind kind, ContactChannel channel, LocalDate occurredOn, String text) {}
