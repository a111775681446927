package org.opennrm.cases.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One note or contact as recorded: never changed afterwards (a correction is a new note). */
public record CaseNote(
        UUID id,
        NoteKind kind,
        ContactChannel channel,
        LocalDate occurredOn,
        String text,
        Instant recordedAt,
        UUID recordedBy) {

    @Override
    public String toString() {
        return "CaseNote[" + id + ", " + kind + ", " + occurredOn + "]";
    }
}
