package org.opennrm.linkage.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.linkage.encoding.Encodings;

/**
 * The native kernel finds exactly the pairs of the Java kernel and of a naive loop. Runs where the library loads
 * (Linux on x86-64 with AVX2 and gcc at build time, as on the project's machines); elsewhere the Java kernel is
 * the one in use and these tests are skipped.
 */
class NativeKernelTests {

    NativeKernel kernel;

    @BeforeEach
    void nativeKernelLoads() {
        kernel = NativeKernel.instance();
        assumeTrue(kernel != null, "the native kernel is not available on this machine");
    }

    @Test
    void findsTheNaivePairsOnRandomEncodingsAtManyThresholds() {
        // Sizes that are not multiples of the kernel's groups of 4 or of its tiles of 512.
        Encodings a = RandomEncodings.random(1_301, 0.05, 0.6, 41, "a");
        Encodings b = RandomEncodings.concat(
                RandomEncodings.concat(
                        RandomEncodings.random(603, 0.05, 0.6, 42, "b"),
                        RandomEncodings.noisyCopies(a, 1_100, 0.2, 43, "n")),
                RandomEncodings.noisyCopies(a, 23, 0.0, 44, "c"));
        BitOrder order = BitOrder.forPair(a, b);
        SortedEncodings sortedA = new SortedEncodings(a, order);
        SortedEncodings sortedB = new SortedEncodings(b, order);
        for (double threshold : new double[] {0.5, 0.7, 0.8, 0.8000001, 0.7999999, 0.85, 0.9, 2.0 / 3, 1.0}) {
            long[] expected = RandomEncodings.naivePairs(a, b, threshold, false);
            CandidatePairs found = new ExactJoin(threshold, 2, kernel).link(sortedA, sortedB);
            assertThat(found.sortedKeys()).as("threshold %s", threshold).isEqualTo(expected);
            assertThat(found.sortedKeys())
                    .isEqualTo(new ExactJoin(threshold, 2, null)
                            .link(sortedA, sortedB)
                            .sortedKeys());
            assertThat(expected.length).as("threshold %s has pairs", threshold).isGreaterThan(20);
        }
    }

    @Test
    void intersectionsAreThoseOfTheJavaKernel() {
        Encodings a = RandomEncodings.random(400, 0.2, 0.5, 45, "a");
        Encodings b = RandomEncodings.noisyCopies(a, 777, 0.15, 46, "b");
        CandidatePairs nativePairs = new ExactJoin(0.6, 1, kernel).link(new SortedEncodings(a), new SortedEncodings(b));
        CandidatePairs javaPairs = new ExactJoin(0.6, 1, null).link(new SortedEncodings(a), new SortedEncodings(b));
        assertThat(nativePairs.size).isEqualTo(javaPairs.size).isGreaterThan(100);
        assertThat(byPair(nativePairs)).isEqualTo(byPair(javaPairs));
    }

    @Test
    void selfJoinFindsEachNaivePairOnce() {
        Encodings base = RandomEncodings.random(601, 0.1, 0.5, 47, "a");
        Encodings all = RandomEncodings.concat(base, RandomEncodings.noisyCopies(base, 599, 0.2, 48, "n"));
        for (double threshold : new double[] {0.6, 0.8, 0.9}) {
            CandidatePairs pairs = new ExactJoin(threshold, 2, kernel).selfJoin(new SortedEncodings(all));
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
    void morePairsThanTheOutputBufferHoldsAreAllReturned() {
        // 200 identical encodings against 200 copies: 40,000 pairs in one block, more than the 4,096 the buffer
        // starts with, so the block is run again with a larger buffer.
        Encodings one = RandomEncodings.random(1, 0.3, 0.3, 49, "x");
        long[] words = new long[200 * Encodings.WORDS];
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int r = 0; r < 200; r++) {
            System.arraycopy(one.words(), 0, words, r * Encodings.WORDS, Encodings.WORDS);
            ids.add("r" + r);
        }
        Encodings same = new Encodings(ids, words);
        CandidatePairs pairs = new ExactJoin(0.9, 1, kernel).link(new SortedEncodings(same), new SortedEncodings(same));
        assertThat(pairs.sortedKeys()).isEqualTo(RandomEncodings.naivePairs(same, same, 0.9, false));
        assertThat(pairs.size).isEqualTo(40_000);
    }

    @Test
    void emptyAndFullEncodingsFollowTheNaiveRule() {
        Encodings a = new Encodings(java.util.List.of("empty", "full"), new long[2 * Encodings.WORDS]);
        Arrays.fill(a.words(), Encodings.WORDS, 2 * Encodings.WORDS, -1L);
        long[] found = new ExactJoin(0.8, 1, kernel)
                .link(new SortedEncodings(a), new SortedEncodings(a))
                .sortedKeys();
        assertThat(found)
                .isEqualTo(RandomEncodings.naivePairs(a, a, 0.8, false))
                .containsExactly((1L << 32) | 1);
    }

    private static java.util.Map<Long, Integer> byPair(CandidatePairs pairs) {
        java.util.Map<Long, Integer> map = new java.util.HashMap<>();
        for (int k = 0; k < pairs.size; k++) {
            map.put(((long) pairs.a[k] << 32) | pairs.b[k], pairs.intersection[k] * 10_000 + pairs.popcountSum[k]);
        }
        return map;
    }
}
