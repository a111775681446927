package org.opennrm.monitoring.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A step of a measure, due on a day within the measure's period, done (on a day) or not yet. */
public record Activity(UUID id, UUID measureId, String title, LocalDate dueOn, LocalDate doneOn, Instant createdAt) {

    static final int TITLE_LENGTH = 300;

    public boolean done() {
        return doneOn != null;
    }

    public boolean overdue(LocalDate today) {
        return !done() && dueOn.isBefore(today);
    }
}
