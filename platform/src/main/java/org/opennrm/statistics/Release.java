package org.opennrm.statistics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A release of national tables. Assembled by one statistician from disclosure-controlled tables (frozen as
 * published at that moment), it awaits approval by a second statistician, who publishes it. Once assembled
 * it never changes, and it is never deleted (the database refuses both).
 */
record Release(
        UUID id,
        String title,
        ReleaseStatus status,
        List<TableView> tables,
        UUID assembledBy,
        Instant assembledAt,
        UUID approvedBy,
        Instant approvedAt) {

    enum ReleaseStatus {
        AWAITING_APPROVAL,
        PUBLISHED
    }

    public long suppressions() {
        return tables.stream()
                .mapToLong(table -> table.disclosure().suppressions().size())
                .sum();
    }
}
