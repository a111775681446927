package org.opennrm.linkage.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.opennrm.linkage.encoding.Encodings;

/**
 * Candidate pairs by Hamming locality-sensitive hashing (bit sampling, Indyk and Motwani 1998) over the
 * encodings, each candidate then verified with the exact Dice test. Each of several tables samples a fixed
 * set of bit positions; two encodings are candidates when they agree on all sampled bits of some table. Two
 * encodings at Dice 0.9 with about 450 bits each differ in about 9% of positions and agree on 20 sampled bits
 * with probability 0.15, so 32 tables find them with probability above 0.99, while unrelated encodings
 * (agreeing on about half the positions) meet in a table about once per million pairs.
 *
 * <p>The blocking sees only encoding bits, never identifiers, so it is as private as the encodings themselves.
 * Positions come from a fixed seed so that runs are repeatable.
 */
final class BlockedJoin {

    static final int DEFAULT_TABLES = 40;
    static final int DEFAULT_BITS_PER_KEY = 12;
    static final long DEFAULT_SEED = 0x6f70656e6e726dL;

    private final double threshold;
    private final int[] need;
    private final int threads;
    private final int[][] positions;

    BlockedJoin(double threshold, int threads) {
        this(threshold, threads, DEFAULT_TABLES, DEFAULT_BITS_PER_KEY, DEFAULT_SEED);
    }

    BlockedJoin(double threshold, int threads, int tables, int bitsPerKey, long seed) {
        Dice.checkThreshold(threshold);
        if (bitsPerKey < 1 || bitsPerKey > 31) {
            throw new IllegalArgumentException("bits per key must be between 1 and 31");
        }
        this.threshold = threshold;
        this.need = Dice.neededIntersections(threshold);
        this.threads = Math.max(1, threads);
        SplittableRandom random = new SplittableRandom(seed);
        this.positions = new int[tables][];
        for (int t = 0; t < tables; t++) {
            positions[t] =
                    random.ints(0, Encodings.BITS).distinct().limit(bitsPerKey).toArray();
        }
    }

    CandidatePairs link(Encodings a, Encodings b) {
        int tables = positions.length;
        int[][] keysA = new int[tables][];
        int[][] keysB = new int[tables][];
        int[] popA = popcounts(a);
        int[] popB = popcounts(b);
        AtomicInteger next = new AtomicInteger();
        runInParallel(() -> {
            for (int t = next.getAndIncrement(); t < tables; t = next.getAndIncrement()) {
                keysA[t] = keys(a, positions[t]);
                keysB[t] = keys(b, positions[t]);
            }
        });
        AtomicInteger nextTable = new AtomicInteger();
        List<CandidatePairs> results = runInParallel(() -> {
            CandidatePairs found = new CandidatePairs();
            for (int t = nextTable.getAndIncrement(); t < tables; t = nextTable.getAndIncrement()) {
                joinTable(t, a, b, popA, popB, keysA, keysB, found);
            }
            return found;
        });
        CandidatePairs all = new CandidatePairs();
        results.forEach(all::addAll);
        return all;
    }

    private void joinTable(
            int table,
            Encodings a,
            Encodings b,
            int[] popA,
            int[] popB,
            int[][] keysA,
            int[][] keysB,
            CandidatePairs found) {
        long[] sortedA = sortedByKey(keysA[table]);
        long[] sortedB = sortedByKey(keysB[table]);
        long[] wordsA = a.words();
        long[] wordsB = b.words();
        int i = 0;
        int j = 0;
        while (i < sortedA.length && j < sortedB.length) {
            long keyA = sortedA[i] >>> 32;
            long keyB = sortedB[j] >>> 32;
            if (keyA < keyB) {
                i++;
            } else if (keyA > keyB) {
                j++;
            } else {
                int endA = i;
                while (endA < sortedA.length && sortedA[endA] >>> 32 == keyA) {
                    endA++;
                }
                int endB = j;
                while (endB < sortedB.length && sortedB[endB] >>> 32 == keyB) {
                    endB++;
                }
                for (int x = i; x < endA; x++) {
                    int ra = (int) sortedA[x];
                    int ao = ra * Encodings.WORDS;
                    for (int y = j; y < endB; y++) {
                        int rb = (int) sortedB[y];
                        int sum = popA[ra] + popB[rb];
                        int needed = need[sum];
                        if (needed > Math.min(popA[ra], popB[rb])) {
                            continue;
                        }
                        int bo = rb * Encodings.WORDS;
                        int common = 0;
                        for (int w = 0; w < Encodings.WORDS; w++) {
                            common += Long.bitCount(wordsA[ao + w] & wordsB[bo + w]);
                        }
                        if (common >= needed && !collidedEarlier(table, ra, rb, keysA, keysB)) {
                            found.add(ra, rb, common, sum);
                        }
                    }
                }
                i = endA;
                j = endB;
            }
        }
    }

    /** A pair that shares a key in an earlier table was already found there; report each pair once. */
    private static boolean collidedEarlier(int table, int a, int b, int[][] keysA, int[][] keysB) {
        for (int t = 0; t < table; t++) {
            if (keysA[t][a] == keysB[t][b]) {
                return true;
            }
        }
        return false;
    }

    private static int[] keys(Encodings encodings, int[] sampled) {
        long[] words = encodings.words();
        int[] keys = new int[encodings.size()];
        for (int r = 0; r < keys.length; r++) {
            int base = r * Encodings.WORDS;
            int key = 0;
            for (int position : sampled) {
                key = (key << 1) | (int) ((words[base + (position >>> 6)] >>> (63 - (position & 63))) & 1L);
            }
            keys[r] = key;
        }
        return keys;
    }

    private static long[] sortedByKey(int[] keys) {
        long[] sorted = new long[keys.length];
        for (int r = 0; r < keys.length; r++) {
            sorted[r] = ((long) keys[r] << 32) | r;
        }
        Arrays.sort(sorted);
        return sorted;
    }

    private static int[] popcounts(Encodings encodings) {
        int[] popcounts = new int[encodings.size()];
        for (int r = 0; r < popcounts.length; r++) {
            popcounts[r] = encodings.popcount(r);
        }
        return popcounts;
    }

    private void runInParallel(Runnable work) {
        runInParallel(() -> {
            work.run();
            return null;
        });
    }

    private <T> List<T> runInParallel(java.util.function.Supplier<T> work) {
        List<T> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            results.add(null);
            workers.add(Thread.ofPlatform().start(() -> {
                T result = work.get();
                synchronized (results) {
                    results.set(slot, result);
                }
            }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while linking", e);
            }
        }
        return results;
    }

    double threshold() {
        return threshold;
    }
}
