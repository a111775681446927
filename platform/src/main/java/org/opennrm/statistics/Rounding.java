package org.opennrm.statistics;

import java.util.Random;

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
     * Unbiased random rounding: a count x is rounded up with probability (x mod 5) / 5, down otherwise. The
     * random numbers are seeded by the table itself, so the same table always rounds the same way and
     * asking again cannot average the rounding away.
     */
    RANDOM;

    static final int BASE = 5;

    long round(long count, Random random) {
        long remainder = count % BASE;
        return switch (this) {
            case NONE -> count;
            case CONVENTIONAL -> remainder * 2 >= BASE ? count - remainder + BASE : count - remainder;
            case RANDOM ->
                remainder == 0
                        ? count
                        : random.nextInt(BASE) < remainder ? count - remainder + BASE : count - remainder;
        };
    }
}
