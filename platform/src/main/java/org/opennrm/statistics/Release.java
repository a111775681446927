package org.opennrm.statistics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A release of national tables. Assembled by one statistician from disclosure-controlled tables (frozen as
 * published at that moment), it awaits approval by a second statistician, who publishes it. Once assembled
 * it never changes, and it is never deleted (the database refuses both). Approval writes every cell of it to the
 * publication ledger.
 *
 * @param withheldPersons people in the cells the joint check withheld (kept in the office, never published)
 * @param checkMillis how long the joint check took when the release was assembled
 */
public record Release(
        UUID id,
        String title,
        ReleaseStatus status,
        List<TableView> tables,
        UUID assembledBy,
        Instant assembledAt,
        UUID approvedBy,
        Instant approvedAt,
        // the people in the jointly withheld cells help work them out: for the approver's page only, never in JSON
        @com.fasterxml.jackson.annotation.JsonIgnore long withheldPersons,
        long checkMillis) {

    public enum ReleaseStatus {
        AWAITING_APPROVAL,
        PUBLISHED
    }

    /** Cells the joint check withheld besides each table's own suppressions. */
    public long jointlyWithheld() {
        return tables.stream().mapToLong(table -> table.disclosure().joint()).sum();
    }

    public long suppressions() {
        return tables.stream()
                .mapToLong(table -> table.disclosure().suppressions().size())
                .sum();
    }
}
