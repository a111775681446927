package org.opennrm.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recruitment, transit or exploitation event of the case's timeline (HTCDS {@code hte_}). */
public record TimelineEvent(
        UUID id,
        String type,
        LocalDate occurredOn,
        String country,
        String description,
        Instant recordedAt,
        UUID recordedBy) {

    @Override
    public String toString() {
        return "TimelineEvent[" + id + ", " + type + ", " + occurredOn + "]";
    }
}
