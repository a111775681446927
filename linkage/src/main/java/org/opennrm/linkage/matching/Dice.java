package org.opennrm.linkage.matching;

import org.opennrm.linkage.encoding.Encodings;

/**
 * The Dice coefficient 2|A∩B| / (|A| + |B|) as anonlink computes it: a double division compared with the
 * threshold as given, and 0 for two empty encodings. The kernels work with the smallest intersection that
 * reaches the threshold for each popcount sum, computed with the same double arithmetic, so a pair is kept
 * exactly when the naive loop would keep it.
 */
final class Dice {

    /** An intersection that no pair can reach. */
    static final int NEVER = Encodings.BITS + 1;

    private Dice() {}

    static double similarity(int intersection, int popcountSum) {
        return popcountSum == 0 ? 0.0 : 2.0 * intersection / popcountSum;
    }

    /** {@code need[s]}: the smallest intersection c with similarity(c, s) >= threshold, or {@link #NEVER}. */
    static int[] neededIntersections(double threshold) {
        int[] need = new int[2 * Encodings.BITS + 1];
        for (int sum = 0; sum < need.length; sum++) {
            need[sum] = NEVER;
            int estimate = Math.max(0, (int) Math.floor(threshold * sum / 2) - 2);
            for (int c = estimate; c <= Math.min(sum / 2 + 1, Encodings.BITS); c++) {
                if (sum > 0 && similarity(c, sum) >= threshold) {
                    need[sum] = c;
                    break;
                }
            }
        }
        return need;
    }

    static void checkThreshold(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold must be above 0 and at most 1, not " + threshold);
        }
    }
}
