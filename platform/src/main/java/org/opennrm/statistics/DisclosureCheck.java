package org.opennrm.statistics;

import java.util.List;

/**
 * What disclosure control did to one table before publication: the rules applied, each suppressed cell with
 * its reason and its feasible interval (every one of them protected: disclosure control adds suppressions
 * until that holds, it never publishes a table that fails).
 *
 * @param protectionRange the least width a primary cell's feasible interval must have
 */
public record DisclosureCheck(
        int minimumCellSize,
        int protectionRange,
        Rounding rounding,
        List<Suppression> suppressions,
        long primary,
        long secondary) {

    public DisclosureCheck {
        suppressions = List.copyOf(suppressions);
    }

    /** How many cells the joint check withheld besides this table's own suppressions. */
    public long joint() {
        return suppressions.stream()
                .filter(s -> s.reason() == Suppression.Reason.JOINT)
                .count();
    }
}
