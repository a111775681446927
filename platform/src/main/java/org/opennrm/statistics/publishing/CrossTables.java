package org.opennrm.statistics.publishing;

import java.util.List;

/**
 * Cross-tables of the coded facts for the modules that publish from them (prevention's "who is exploited where"):
 * each passes the statistics module's disclosure control and its joint check against the publication ledger, as a
 * table on the dashboard does.
 */
public interface CrossTables {

    /**
     * The table asked for. Needs {@code statistics:read:all} or {@code prevention:read:all} (what is published is disclosure-controlled).
     *
     * @throws org.opennrm.RuleViolation for an unknown event or dimension, the same dimension twice, or a period that
     *     is not two quarters in order
     */
    CrossTable cross(CrossTableRequest request);

    /** The dimensions a cross-table may have, as words. */
    List<String> dimensions();
}
