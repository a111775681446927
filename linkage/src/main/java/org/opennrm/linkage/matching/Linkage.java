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
        return GreedyMatching.solve(candidates(a, b, threshold, mode), a.size(), b.size());
    }

    CandidatePairs candidates(Encodings a, Encodings b, double threshold, Mode mode) {
        return switch (mode) {
            case EXACT -> new ExactJoin(threshold, threads).link(new SortedEncodings(a), new SortedEncodings(b));
            case BLOCKED -> new BlockedJoin(threshold, threads).link(a, b);
        };
    }

    /** Cluster number of each record of {@code encodings}, see {@link Clusters}. */
    public int[] dedup(Encodings encodings, double threshold) {
        CandidatePairs pairs = new ExactJoin(threshold, threads).selfJoin(new SortedEncodings(encodings));
        return Clusters.of(pairs, encodings.size());
    }
}
