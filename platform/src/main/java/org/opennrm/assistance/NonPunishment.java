package org.opennrm.assistance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The non-punishment principle applied to one offence (Council of Europe Convention, article 26): an offence the
 * person was compelled to commit as a direct result of being trafficked, so that they are not punished for it.
 */
public record NonPunishment(
        UUID id, String offence, boolean directResultOfTrafficking, String note, LocalDate recordedOn) {

    @Override
    public String toString() {
        return "NonPunishment[" + id + "]";
    }
}
