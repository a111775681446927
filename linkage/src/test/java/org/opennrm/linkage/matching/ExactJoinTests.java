package org.opennrm.linkage.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opennrm.linkage.encoding.Encodings;

class ExactJoinTests {

    static final double[] THRESHOLDS = {0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0};

    @Test
    void findsExactlyTheNaivePairsOnRandomEncodings() {
        Encodings a = RandomEncodings.random(700, 0.05, 0.6, 1, "a");
        Encodings b = RandomEncodings.concat(
                RandomEncodings.concat(
                        RandomEncodings.random(500, 0.05, 0.6, 2, "b"),
                        RandomEncodings.noisyCopies(a, 600, 0.2, 3, "n")),
                RandomEncodings.noisyCopies(a, 20, 0.0, 4, "c"));
        for (double threshold : THRESHOLDS) {
            long[] expected = RandomEncodings.naivePairs(a, b, threshold, false);
            long[] found = new ExactJoin(threshold, 2)
                    .link(new SortedEncodings(a), new SortedEncodings(b))
                    .sortedKeys();
            assertThat(found).as("threshold %s", threshold).isEqualTo(expected);
            assertThat(expected.length)
                    .as("threshold %s has pairs to find", threshold)
                    .isGreaterThan(5);
        }
    }

    @Test
    void findsExactlyTheNaivePairsAtThresholdsBetweenDiceValues() {
        Encodings a = RandomEncodings.random(300, 0.2, 0.5, 4, "a");
        Encodings b = RandomEncodings.noisyCopies(a, 400, 0.15, 5, "b");
        for (double threshold : new double[] {0.8000001, 0.7999999, 0.123, 2.0 / 3}) {
            long[] expected = RandomEncodings.naivePairs(a, b, threshold, false);
            long[] found = new ExactJoin(threshold, 1)
                    .link(new SortedEncodings(a), new SortedEncodings(b))
                    .sortedKeys();
            assertThat(found).as("threshold %s", threshold).isEqualTo(expected);
        }
    }

    @Test
    void reorderingBitsForPruningFindsTheSameNaivePairs() {
        Encodings a = RandomEncodings.random(500, 0.05, 0.5, 21, "a");
        Encodings b = RandomEncodings.concat(
                RandomEncodings.random(300, 0.2, 0.6, 22, "b"), RandomEncodings.noisyCopies(a, 500, 0.2, 23, "n"));
        BitOrder order = BitOrder.forPair(a, b);
        for (double threshold : new double[] {0.6, 0.8, 0.9}) {
            long[] found = new ExactJoin(threshold, 2)
                    .link(new SortedEncodings(a, order), new SortedEncodings(b, order))
                    .sortedKeys();
            assertThat(found)
                    .as("threshold %s", threshold)
                    .isEqualTo(RandomEncodings.naivePairs(a, b, threshold, false));
        }
    }

    @Test
    void emptyAndIdenticalEncodingsFollowTheNaiveRule() {
        Encodings a = new Encodings(java.util.List.of("empty", "full"), new long[2 * Encodings.WORDS]);
        Arrays.fill(a.words(), Encodings.WORDS, 2 * Encodings.WORDS, -1L);
        long[] found = new ExactJoin(0.8, 2)
                .link(new SortedEncodings(a), new SortedEncodings(a))
                .sortedKeys();
        assertThat(found)
                .isEqualTo(RandomEncodings.naivePairs(a, a, 0.8, false))
                .containsExactly((1L << 32) | 1);
    }

    @Test
    void selfJoinFindsEachNaivePairOnce() {
        Encodings base = RandomEncodings.random(400, 0.1, 0.5, 6, "a");
        Encodings all = RandomEncodings.concat(base, RandomEncodings.noisyCopies(base, 400, 0.2, 7, "n"));
        for (double threshold : new double[] {0.6, 0.8, 0.9}) {
            CandidatePairs pairs = new ExactJoin(threshold, 2).selfJoin(new SortedEncodings(all));
            long[] canonical = new long[pairs.size];
            for (int k = 0; k < pairs.size; k++) {
                int low = Math.min(pairs.a[k], pairs.b[k]);
                int high = Math.max(pairs.a[k], pairs.b[k]);
                canonical[k] = ((long) low << 32) | high;
            }
            Arrays.sort(canonical);
            assertThat(canonical).isEqualTo(RandomEncodings.naivePairs(all, all, threshold, true));
        }
    }

    @Test
    void similaritiesAreTheDiceCoefficient() {
        Encodings a = RandomEncodings.random(50, 0.3, 0.4, 8, "a");
        Encodings b = RandomEncodings.noisyCopies(a, 50, 0.1, 9, "b");
        CandidatePairs pairs = new ExactJoin(0.5, 2).link(new SortedEncodings(a), new SortedEncodings(b));
        assertThat(pairs.size).isPositive();
        for (int k = 0; k < pairs.size; k++) {
            int common = 0;
            for (int w = 0; w < Encodings.WORDS; w++) {
                common += Long.bitCount(
                        a.words()[pairs.a[k] * Encodings.WORDS + w] & b.words()[pairs.b[k] * Encodings.WORDS + w]);
            }
            assertThat(pairs.similarity(k)).isEqualTo(2.0 * common / (a.popcount(pairs.a[k]) + b.popcount(pairs.b[k])));
        }
    }
}
