package org.opennrm.statistics;

/**
 * Optional rounding of published counts to base 5, applied after suppression to every published cell and
 * total independently (so rounded totals need not add up, which is itself a protection).
 */
public enum Rounding {
    /** Counts are published as they are. */
    NONE,
    /** To the nearest multiple of 5, halves (never reached with whole numbers and base 5) upwards. */
    CONVENTIONAL,
    /**
     * Unbiased random rounding: a count x is rounded up with probability (x mod 5) / 5, down otherwise. Which way
     * is drawn from the cell's definition under the installation's secret key ({@link RoundingKey}), so the same
     * cell rounds the same way in every table, release and download, and averaging them cannot undo the rounding.
     */
    RANDOM;

    static final int BASE = 5;

    /** The count as published; {@code draw} is the cell's number in [0, 1), used by {@link #RANDOM} only. */
    long round(long count, double draw) {
        long remainder = count % BASE;
        return switch (this) {
            case NONE -> count;
            case CONVENTIONAL -> remainder * 2 >= BASE ? count - remainder + BASE : count - remainder;
            case RANDOM ->
                remainder == 0 ? count : draw * BASE < remainder ? count - remainder + BASE : count - remainder;
        };
    }
}
