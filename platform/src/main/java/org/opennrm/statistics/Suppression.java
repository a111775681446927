package org.opennrm.statistics;

/**
 * One suppressed cell of a published table, why, and what a reader can still work out about it: the
 * smallest and largest counts consistent with everything published (by linear programming). {@code row}
 * or {@code column} is null for a total; {@code feasibleMax} is null when unbounded. {@code why} says, for a
 * cell withheld by the joint check, which small cell it protects and what threatened it (in English, as the API and
 * the audit trail carry it); null otherwise. {@code because} is the same reason in parts, which pages word in their
 * reader's language; null for other cells and for cells withheld before it existed.
 */
public record Suppression(
        String row,
        String column,
        Reason reason,
        long feasibleMin,
        Long feasibleMax,
        String why,
        org.opennrm.statistics.publishing.JointReason because) {

    public Suppression(String row, String column, Reason reason, long feasibleMin, Long feasibleMax) {
        this(row, column, reason, feasibleMin, feasibleMax, null, null);
    }

    public enum Reason {
        /** Fewer people than the minimum cell size (and more than none). */
        PRIMARY,
        /** Not small itself, suppressed so that a primary cell cannot be worked out from the totals. */
        SECONDARY,
        /**
         * Published alone the table would be safe, but together with what was published before (the ledger) and what
         * a reader knows about how counts nest, a small cell could be worked out: withheld by the joint check.
         */
        JOINT
    }
}
