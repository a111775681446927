package org.opennrm.prevention;

import java.time.Instant;
import java.util.UUID;

/**
 * A flag the early-warning scan found in a watched series and kept until someone reviews it.
 *
 * @param breakdown null for a total
 * @param category the breakdown's category (a code), null for a total
 */
record StoredFlag(
        UUID id,
        String event,
        String breakdown,
        String category,
        String period,
        ChangeFlag.Direction direction,
        double size,
        double confidence,
        double expected,
        long observed,
        boolean provisional,
        Instant foundAt,
        Instant reviewedAt,
        String reviewComment) {

    public boolean reviewed() {
        return reviewedAt != null;
    }
}
