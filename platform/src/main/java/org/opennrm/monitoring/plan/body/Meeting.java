package org.opennrm.monitoring.plan.body;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A meeting of the co-ordinating body: its day and agenda, and after it the minutes and decisions (empty before). The
 * version counts the saves of the minutes: a save made on an older version is refused, never silently overwriting.
 */
public record Meeting(UUID id, LocalDate heldOn, String agenda, String minutes, String decisions, int version) {

    static final int AGENDA_LENGTH = 4000;
    static final int MINUTES_LENGTH = 8000;

    public boolean minuted() {
        return minutes != null || decisions != null;
    }
}
