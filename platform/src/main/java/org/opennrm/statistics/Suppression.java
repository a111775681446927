package org.opennrm.statistics;

/**
 * One suppressed cell of a published table, why, and what a reader can still work out about it: the
 * smallest and largest counts consistent with everything published (by linear programming). {@code row}
 * or {@code column} is null for a total; {@code feasibleMax} is null when unbounded.
 */
public record Suppression(String row, String column, Reason reason, long feasibleMin, Long feasibleMax) {

    public enum Reason {
        /** Fewer people than the minimum cell size (and more than none). */
        PRIMARY,
        /** Not small itself, suppressed so that a primary cell cannot be worked out from the totals. */
        SECONDARY
    }
}
