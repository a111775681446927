package org.opennrm.statistics;

/**
 * One suppressed cell of a published table, why, and what a reader can still work out about it: the
 * smallest and largest counts consistent with everything published (by linear programming). {@code row}
 * or {@code column} is null for a total; {@code feasibleMax} is null when unbounded. {@code why} says, for a
 * cell withheld by the joint check, which small cell it protects and what threatened it; null otherwise.
 */
public record Suppression(String row, String column, Reason reason, long feasibleMin, Long feasibleMax, String why) {

    public Suppression(String row, String column, Reason reason, long feasibleMin, Long feasibleMax) {
        this(row, column, reason, feasibleMin, feasibleMax, null);
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
