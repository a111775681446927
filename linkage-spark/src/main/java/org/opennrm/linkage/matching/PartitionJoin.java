package org.opennrm.linkage.matching;

import java.io.Serializable;
import java.util.List;
import org.opennrm.linkage.encoding.Encodings;

/**
 * The linkage library's own kernels for one pair of partitions, and its greedy matching over the pairs of all
 * partitions, for the Spark job.
 *
 * <p>This class sits in the library's package but ships with {@code linkage-spark}: the library's public API
 * ({@link Linkage#link}) returns a matching, and a matching per partition pair is not the global matching (a
 * record's best partner in one partition may be taken by a better pair in another). The job needs every pair at
 * or above the threshold, which only the package-private {@link ExactJoin}, {@link BlockedJoin} and
 * {@link GreedyMatching} give. Calling them here keeps one implementation of the comparison and of the matching;
 * a public entry point in the library ({@code Linkage.pairs} returning a public pair list, and the greedy
 * matching over such a list) would make this class unnecessary.
 */
public final class PartitionJoin {

    private PartitionJoin() {}

    /**
     * Every pair of {@code a} and {@code b} at or above the threshold, as {@link Linkage} finds them in {@code mode}
     * (exact: all of them; blocked: those that meet in an LSH table), on one thread. Indices in the result are
     * file indices within {@code a} and {@code b} plus the given offsets, so that pairs from different partitions
     * can be merged.
     */
    public static Pairs pairs(Encodings a, int offsetA, Encodings b, int offsetB, double threshold, Mode mode) {
        return toPairs(new Linkage(1).candidates(a, b, threshold, mode), offsetA, offsetB);
    }

    /**
     * One side sorted by popcount and laid out in a bit order once, for many exact joins with chunks of the other
     * side (the broadcast side of the Spark job): preparing it costs a pass over all its bits, which would
     * otherwise be paid again by every task. The bit order is chosen from this side alone; that changes only how
     * early the kernel drops non-matching pairs, never which pairs it finds.
     */
    public static final class PreparedSide {

        private final BitOrder order;
        private final SortedEncodings sorted;

        private PreparedSide(Encodings side) {
            this.order = BitOrder.forPair(side, side);
            this.sorted = new SortedEncodings(side, order);
        }

        public int size() {
            return sorted.size;
        }
    }

    public static PreparedSide prepare(Encodings side) {
        return new PreparedSide(side);
    }

    /**
     * Every pair at or above the threshold between a prepared side and {@code chunk}, with the library's exact
     * kernel on one thread; {@code preparedIsA} says which side of the linkage the prepared side is, so pairs keep
     * the A index first. The prepared side's indices are its own; the chunk's are shifted by {@code chunkOffset}.
     */
    public static Pairs exactPairs(
            PreparedSide prepared, boolean preparedIsA, Encodings chunk, int chunkOffset, double threshold) {
        SortedEncodings sortedChunk = new SortedEncodings(chunk, prepared.order);
        ExactJoin join = new ExactJoin(threshold, 1);
        return preparedIsA
                ? toPairs(join.link(prepared.sorted, sortedChunk), 0, chunkOffset)
                : toPairs(join.link(sortedChunk, prepared.sorted), chunkOffset, 0);
    }

    private static Pairs toPairs(CandidatePairs found, int offsetA, int offsetB) {
        int[] recordA = new int[found.size];
        int[] recordB = new int[found.size];
        int[] intersection = new int[found.size];
        int[] popcountSum = new int[found.size];
        for (int i = 0; i < found.size; i++) {
            recordA[i] = found.a[i] + offsetA;
            recordB[i] = found.b[i] + offsetB;
            intersection[i] = found.intersection[i];
            popcountSum[i] = found.popcountSum[i];
        }
        return new Pairs(recordA, recordB, intersection, popcountSum);
    }

    /** The library's greedy one-to-one matching over the pairs of all partitions, as {@link Linkage#link} does. */
    public static List<Match> match(List<Pairs> parts, int sizeA, int sizeB) {
        CandidatePairs all = new CandidatePairs();
        for (Pairs part : parts) {
            for (int i = 0; i < part.size(); i++) {
                all.add(part.a[i], part.b[i], part.intersection[i], part.popcountSum[i]);
            }
        }
        return GreedyMatching.solve(all, sizeA, sizeB);
    }

    /**
     * Pairs found in one partition: record indices (global within each side), their intersection and popcount
     * sum, as primitive arrays so that a task ships a few arrays rather than an object per pair.
     */
    public record Pairs(int[] a, int[] b, int[] intersection, int[] popcountSum) implements Serializable {

        public int size() {
            return a.length;
        }

        public double similarity(int i) {
            return Dice.similarity(intersection[i], popcountSum[i]);
        }

        /** Pairs as {@code a << 32 | b}, sorted: a canonical form for comparing pair sets. */
        public long[] sortedKeys() {
            long[] keys = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                keys[i] = ((long) a[i] << 32) | b[i];
            }
            java.util.Arrays.sort(keys);
            return keys;
        }
    }
}
