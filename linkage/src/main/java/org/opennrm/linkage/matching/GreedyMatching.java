package org.opennrm.linkage.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-to-one matching as anonlink's greedy solver does it: pairs by descending similarity, each taken when
 * neither record is taken yet. Ties are broken by the index of the A record, then of the B record, in file
 * order, so the result never depends on thread timing.
 */
final class GreedyMatching {

    private GreedyMatching() {}

    /**
     * Similarities are fractions with denominators of at most 2048, so distinct values differ by more than
     * 2e-7 and their float forms keep their order; sorting primitive longs keyed on them matters at millions of
     * candidates.
     */
    static List<Match> solve(CandidatePairs pairs, int sizeA, int sizeB) {
        int n = pairs.size;
        long[] bySimilarity = new long[n];
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToIntBits((float) pairs.similarity(i));
            bySimilarity[i] = ((long) (Integer.MAX_VALUE - bits) << 32) | i;
        }
        Arrays.sort(bySimilarity);
        boolean[] takenA = new boolean[sizeA];
        boolean[] takenB = new boolean[sizeB];
        List<Match> matches = new ArrayList<>();
        for (int start = 0; start < n; ) {
            int end = start;
            long similarityKey = bySimilarity[start] >>> 32;
            while (end < n && bySimilarity[end] >>> 32 == similarityKey) {
                end++;
            }
            long[] tied = new long[end - start];
            for (int k = start; k < end; k++) {
                int i = (int) bySimilarity[k];
                tied[k - start] = ((long) pairs.a[i] << 32) | pairs.b[i];
            }
            Arrays.sort(tied);
            double similarity = pairs.similarity((int) bySimilarity[start]);
            for (long pair : tied) {
                int a = (int) (pair >>> 32);
                int b = (int) pair;
                if (!takenA[a] && !takenB[b]) {
                    takenA[a] = true;
                    takenB[b] = true;
                    matches.add(new Match(a, b, similarity));
                }
            }
            start = end;
        }
        return matches;
    }
}
