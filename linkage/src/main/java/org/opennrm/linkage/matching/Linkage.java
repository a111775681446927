package org.opennrm.linkage.matching;

import java.util.List;
import org.opennrm.linkage.encoding.Encodings;

/** Links two lists of encodings, or clusters the duplicates within one. */
public final class Linkage {

    private final int threads;

    public Linkage(int threads) {
        this.threads = Math.max(1, threads);
    }

    public Linkage() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** The greedy one-to-one matching over all pairs at or above the threshold. */
    public List<Match> link(Encodings a, Encodings b, double threshold, Mode mode) {
        return linkCounted(a, b, threshold, mode).matches();
    }

    /** As {@link #link}, with the figures a benchmark or an operator wants to see. */
    public Linked linkCounted(Encodings a, Encodings b, double threshold, Mode mode) {
        long start = System.nanoTime();
        CandidatePairs pairs = candidates(a, b, threshold, mode);
        long found = System.nanoTime();
        List<Match> matches = GreedyMatching.solve(pairs, a.size(), b.size());
        return new Linked(matches, pairs.size, found - start, System.nanoTime() - found);
    }

    /**
     * A linkage result: the matching, how many pairs reached the threshold, and the time spent finding them and
     * matching them.
     */
    public record Linked(List<Match> matches, long candidatePairs, long searchNanos, long matchNanos) {}

    CandidatePairs candidates(Encodings a, Encodings b, double threshold, Mode mode) {
        return switch (mode) {
            case EXACT -> {
                BitOrder order = BitOrder.forPair(a, b);
                yield new ExactJoin(threshold, threads)
                        .link(new SortedEncodings(a, order), new SortedEncodings(b, order));
            }
            case BLOCKED -> new BlockedJoin(threshold, threads).link(a, b);
        };
    }

    /**
     * Every pair at or above the Dice threshold (all of them in exact mode, those blocking finds in blocked mode),
     * as {@code a << 32 | b} in ascending order: the candidates a model that scores pairs otherwise starts from.
     */
    public long[] candidatePairs(Encodings a, Encodings b, double threshold, Mode mode) {
        return candidates(a, b, threshold, mode).sortedKeys();
    }

    /**
     * Candidates for a model that scores them itself (the field-aware model): in exact mode every pair at or above
     * the Dice threshold, in blocked mode those that fewer tables find (a pair exactly at the threshold with 90%,
     * pairs well above it nearly surely; see {@link BlockedJoin#CANDIDATE_COMPLETENESS}). Ascending {@code a << 32 |
     * b}.
     */
    public long[] modelCandidatePairs(Encodings a, Encodings b, double threshold, Mode mode) {
        return switch (mode) {
            case EXACT -> candidatePairs(a, b, threshold, mode);
            case BLOCKED -> new BlockedJoin(threshold, threads, BlockedJoin.CANDIDATE_COMPLETENESS).sortedPairs(a, b);
        };
    }

    /** Every pair {@code i < j} of one list at or above the Dice threshold, as {@code i << 32 | j}, ascending. */
    public long[] selfCandidatePairs(Encodings encodings, double threshold) {
        CandidatePairs pairs = new ExactJoin(threshold, threads)
                .selfJoin(new SortedEncodings(encodings, BitOrder.forPair(encodings, encodings)));
        long[] keys = pairs.sortedKeys();
        for (int i = 0; i < keys.length; i++) {
            int x = (int) (keys[i] >>> 32);
            int y = (int) keys[i];
            keys[i] = ((long) Math.min(x, y) << 32) | Math.max(x, y);
        }
        java.util.Arrays.sort(keys);
        return keys;
    }

    /** Cluster number of each record of {@code encodings}, see {@link Clusters}. */
    public int[] dedup(Encodings encodings, double threshold) {
        CandidatePairs pairs = new ExactJoin(threshold, threads)
                .selfJoin(new SortedEncodings(encodings, BitOrder.forPair(encodings, encodings)));
        return Clusters.of(pairs, encodings.size());
    }
}
