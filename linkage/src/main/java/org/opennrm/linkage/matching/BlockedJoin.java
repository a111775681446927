package org.opennrm.linkage.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.opennrm.linkage.encoding.Encodings;

/**
 * Candidate pairs by Hamming locality-sensitive hashing (bit sampling, Indyk and Motwani 1998) over the
 * encodings, each candidate then verified with the exact Dice test, so blocked mode never reports a pair exact
 * mode would not. Each table samples a fixed set of bit positions; two encodings are candidates when they agree
 * on all sampled bits of some table.
 *
 * <p>The key length and the number of tables follow from the threshold and the encodings' mean popcount P: two
 * encodings at exactly the threshold t differ in about (1 - t) 2P of the 1024 positions, so they agree on one
 * sampled bit with probability q = 1 - (1 - t) 2P / 1024. Keys are as long as keeps q^k near 5% per table, and
 * there are as many tables as make 1 - (1 - q^k)^L at least 99.9% for a pair exactly at the threshold; pairs
 * above it are found more surely still. The margin over the 99% target is needed on large lists: at a million
 * records most pairs at or above the threshold are unrelated people with popular names who sit just above it,
 * and a design for 99% at the threshold measured 0.989 there (0.997 at 100,000, where true pairs dominate).
 * For P = 298 and t = 0.8 that is 24 bits and 132 tables (88 for 99%); unrelated encodings (Dice about 0.37) then meet in one
 * table about once in 100,000 pairs. Pair completeness against exact mode is measured by
 * {@code bench/linkage/blocked.sh} and, at sizes where exact mode is out of reach, by sampling
 * ({@code bench/linkage/blocked-completeness.sh}).
 *
 * <p>The blocking sees only encoding bits, never identifiers, so it is as private as the encodings themselves.
 * Positions come from a fixed seed so that runs are repeatable.
 */
final class BlockedJoin {

    static final long DEFAULT_SEED = 0x6f70656e6e726dL;
    static final double PER_TABLE = 0.05;
    static final double COMPLETENESS = 0.999;

    /**
     * The completeness for a pair exactly at the threshold that candidates for a model need: such a model scores
     * the candidates itself, and the pairs it links (records of one person) lie mostly well above the candidate
     * similarity, where fewer tables still find nearly all of them. For P = 298 and t = 0.8: 48 tables instead of
     * 143, about a third of the work; on the realistic lists at 100,000 x 100,000 the candidates keep 99.7% of the
     * true pairs that the 143 tables find (bench/README-linkage.md, issue 24).
     */
    static final double CANDIDATE_COMPLETENESS = 0.9;

    private final double threshold;
    private final int[] need;
    private final int threads;
    private final double completeness;

    BlockedJoin(double threshold, int threads) {
        this(threshold, threads, COMPLETENESS);
    }

    BlockedJoin(double threshold, int threads, double completeness) {
        Dice.checkThreshold(threshold);
        this.threshold = threshold;
        this.need = Dice.neededIntersections(threshold);
        this.threads = Math.max(1, threads);
        this.completeness = completeness;
    }

    static int[] parameters(double threshold, double meanPopcount) {
        return parameters(threshold, meanPopcount, COMPLETENESS);
    }

    /**
     * Key length and table count for encodings with this mean popcount, see the class comment, for the given
     * chance of finding a pair exactly at the threshold.
     */
    static int[] parameters(double threshold, double meanPopcount, double completeness) {
        double differing = Math.min(0.5, (1 - threshold) * 2 * meanPopcount / 1024);
        double agree = 1 - differing;
        int bits = (int) Math.round(Math.log(PER_TABLE) / Math.log(agree));
        bits = Math.max(8, Math.min(30, bits));
        double perTable = Math.pow(agree, bits);
        int tables = (int) Math.ceil(Math.log(1 - completeness) / Math.log(1 - perTable));
        tables = Math.max(1, Math.min(400, tables));
        return new int[] {
            Integer.getInteger("opennrm.linkage.bitsPerKey", bits), Integer.getInteger("opennrm.linkage.tables", tables)
        };
    }

    static int[][] positions(int tables, int bitsPerKey, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] positions = new int[tables][];
        for (int t = 0; t < tables; t++) {
            positions[t] =
                    random.ints(0, Encodings.BITS).distinct().limit(bitsPerKey).toArray();
        }
        return positions;
    }

    CandidatePairs link(Encodings a, Encodings b) {
        return link(a, b, KEY_TABLE_BUDGET);
    }

    /** As {@link #link(Encodings, Encodings)}, with the key-table budget given (0: always the set of pairs). */
    CandidatePairs link(Encodings a, Encodings b, long keyTableBudget) {
        int[] popA = popcounts(a);
        int[] popB = popcounts(b);
        long[] pairs = sortedPairs(a, b, popA, popB, keyTableBudget);
        CandidatePairs candidates = new CandidatePairs();
        for (long pair : pairs) {
            int ra = (int) (pair >>> 32);
            int rb = (int) pair;
            candidates.add(ra, rb, intersection(a.words(), ra, b.words(), rb), popA[ra] + popB[rb]);
        }
        return candidates;
    }

    /** The pairs found, as {@code a << 32 | b} in ascending order, without their intersections. */
    long[] sortedPairs(Encodings a, Encodings b) {
        return sortedPairs(a, b, popcounts(a), popcounts(b), KEY_TABLE_BUDGET);
    }

    private long[] sortedPairs(Encodings a, Encodings b, int[] popA, int[] popB, long keyTableBudget) {
        double mean = (java.util.Arrays.stream(popA).asLongStream().sum()
                        + java.util.Arrays.stream(popB).asLongStream().sum())
                / (double) Math.max(1, popA.length + popB.length);
        int[] parameters = parameters(threshold, mean, completeness);
        int[][] positions = positions(parameters[1], parameters[0], DEFAULT_SEED);
        long[] pairs = (2L * a.size() + b.size()) * positions.length <= keyTableBudget && parameters[0] <= 31
                ? byRecordOfA(a, b, popA, popB, positions)
                : setOfMeetings(a, b, popA, popB, positions);
        Arrays.parallelSort(pairs);
        return pairs;
    }

    /**
     * Up to this many table entries ({@code (2 |A| + |B|) x tables}) the tables are kept in memory, B sorted by key
     * in each, and each record of A gathers its pairs from its buckets of all tables at once, taking each record of
     * B once (a mark per record of B), so that each pair is verified once however many tables it meets in. Pairs of
     * people who share a popular name meet in most of the tables: at 100,000 x 100,000 on the realistic lists,
     * verifying them again in every table and looking them up in a set of pairs took most of the candidate search.
     * Larger lists go table by table with the set of pairs, whose memory follows the pairs.
     */
    static final long KEY_TABLE_BUDGET = 1L << 26;

    private long[] byRecordOfA(Encodings a, Encodings b, int[] popA, int[] popB, int[][] positions) {
        int tables = positions.length;
        int[][] recordsB = new int[tables][];
        // Where each record of A's bucket starts and ends among the sorted records of B, record by record, so that
        // a record's buckets of all tables lie together.
        int[] startsA = new int[a.size() * tables];
        int[] endsA = new int[a.size() * tables];
        java.util.stream.IntStream.range(0, tables).parallel().forEach(t -> {
            long[] sorted = new long[b.size()];
            keys(b, positions[t], sorted);
            int[] keys = new int[sorted.length];
            int[] records = new int[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                keys[i] = (int) (sorted[i] >>> 32);
                records[i] = (int) sorted[i];
            }
            int[] word = new int[positions[t].length];
            int[] shift = new int[positions[t].length];
            for (int k = 0; k < word.length; k++) {
                word[k] = positions[t][k] >>> 6;
                shift[k] = 63 - (positions[t][k] & 63);
            }
            long[] words = a.words();
            for (int ra = 0; ra < a.size(); ra++) {
                int base = ra * Encodings.WORDS;
                int key = 0;
                for (int k = 0; k < word.length; k++) {
                    key = (key << 1) | (int) ((words[base + word[k]] >>> shift[k]) & 1L);
                }
                int start = Arrays.binarySearch(keys, key);
                int end = start + 1;
                if (start >= 0) {
                    while (start > 0 && keys[start - 1] == key) {
                        start--;
                    }
                    while (end < keys.length && keys[end] == key) {
                        end++;
                    }
                } else {
                    start = 0;
                    end = 0;
                }
                startsA[ra * tables + t] = start;
                endsA[ra * tables + t] = end;
            }
            recordsB[t] = records;
        });
        int slices = Math.min(a.size(), 256);
        long[][] found = new long[slices][];
        long[] wordsA = a.words();
        long[] wordsB = b.words();
        java.util.stream.IntStream.range(0, slices).parallel().forEach(slice -> {
            int from = (int) ((long) a.size() * slice / slices);
            int to = (int) ((long) a.size() * (slice + 1) / slices);
            // Records of B already met by the current record of A: a bit each (12.5 KB for 100,000 records, which
            // stays in the first-level cache), cleared after each record of A.
            long[] seen = new long[(b.size() + 63) >>> 6];
            long[] met = new long[1024];
            int meetings = 0;
            for (int ra = from; ra < to; ra++) {
                int first = meetings;
                for (int t = 0; t < tables; t++) {
                    int[] records = recordsB[t];
                    for (int j = startsA[ra * tables + t], end = endsA[ra * tables + t]; j < end; j++) {
                        int rb = records[j];
                        long bit = 1L << rb;
                        if ((seen[rb >>> 6] & bit) == 0) {
                            seen[rb >>> 6] |= bit;
                            if (meetings == met.length) {
                                met = Arrays.copyOf(met, meetings * 2);
                            }
                            met[meetings++] = ((long) rb << 32) | ra;
                        }
                    }
                }
                for (int k = first; k < meetings; k++) {
                    seen[(int) (met[k] >>> 32) >>> 6] = 0;
                }
            }
            // Most pairs that meet are below the threshold (about 100 million at 100,000 x 100,000 on the realistic
            // lists, 5.6 million above). They are verified in blocks of B (512 records, 64 KB of words) so that the
            // words of B come from the cache instead of memory, as those of this slice of A do.
            int blocks = (b.size() >>> 9) + 1;
            int[] counts = new int[blocks + 1];
            for (int k = 0; k < meetings; k++) {
                counts[(int) (met[k] >>> 41) + 1]++;
            }
            for (int block = 0; block < blocks; block++) {
                counts[block + 1] += counts[block];
            }
            long[] byBlock = new long[meetings];
            for (int k = 0; k < meetings; k++) {
                byBlock[counts[(int) (met[k] >>> 41)]++] = met[k];
            }
            long[] own = new long[1024];
            int size = 0;
            for (long pair : byBlock) {
                int rb = (int) (pair >>> 32);
                int ra = (int) pair;
                int needed = need[popA[ra] + popB[rb]];
                if (needed <= Math.min(popA[ra], popB[rb]) && intersection(wordsA, ra, wordsB, rb) >= needed) {
                    if (size == own.length) {
                        own = Arrays.copyOf(own, size * 2);
                    }
                    own[size++] = ((long) ra << 32) | rb;
                }
            }
            found[slice] = Arrays.copyOf(own, size);
        });
        int total = 0;
        for (long[] slice : found) {
            total += slice.length;
        }
        long[] pairs = new long[total];
        int next = 0;
        for (long[] slice : found) {
            System.arraycopy(slice, 0, pairs, next, slice.length);
            next += slice.length;
        }
        return pairs;
    }

    private long[] setOfMeetings(Encodings a, Encodings b, int[] popA, int[] popB, int[][] positions) {
        AtomicInteger nextTable = new AtomicInteger();
        List<PairSet> found = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            PairSet pairs = new PairSet();
            found.add(pairs);
            workers.add(Thread.ofPlatform().start(() -> {
                long[] keysA = new long[a.size()];
                long[] keysB = new long[b.size()];
                for (int table = nextTable.getAndIncrement();
                        table < positions.length;
                        table = nextTable.getAndIncrement()) {
                    joinTable(positions[table], a, b, popA, popB, keysA, keysB, pairs);
                }
            }));
        }
        join(workers);
        PairSet all = found.getFirst();
        for (PairSet other : found.subList(1, found.size())) {
            for (long pair : other.toArray()) {
                all.add(pair);
            }
        }
        return all.toArray();
    }

    private static void join(List<Thread> workers) {
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while linking", e);
            }
        }
    }

    private void joinTable(
            int[] sampled,
            Encodings a,
            Encodings b,
            int[] popA,
            int[] popB,
            long[] sortedA,
            long[] sortedB,
            PairSet found) {
        keys(a, sampled, sortedA);
        keys(b, sampled, sortedB);
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
                    for (int y = j; y < endB; y++) {
                        int rb = (int) sortedB[y];
                        int needed = need[popA[ra] + popB[rb]];
                        if (needed <= Math.min(popA[ra], popB[rb]) && intersection(wordsA, ra, wordsB, rb) >= needed) {
                            found.add(((long) ra << 32) | rb);
                        }
                    }
                }
                i = endA;
                j = endB;
            }
        }
    }

    private static int intersection(long[] wordsA, int ra, long[] wordsB, int rb) {
        int ao = ra * Encodings.WORDS;
        int bo = rb * Encodings.WORDS;
        int common = 0;
        for (int w = 0; w < Encodings.WORDS; w++) {
            common += Long.bitCount(wordsA[ao + w] & wordsB[bo + w]);
        }
        return common;
    }

    /** Fills {@code sorted} with {@code key << 32 | record}, sorted, for one table's sampled positions. */
    private static void keys(Encodings encodings, int[] sampled, long[] sorted) {
        long[] words = encodings.words();
        int[] word = new int[sampled.length];
        int[] shift = new int[sampled.length];
        for (int k = 0; k < sampled.length; k++) {
            word[k] = sampled[k] >>> 6;
            shift[k] = 63 - (sampled[k] & 63);
        }
        for (int r = 0; r < sorted.length; r++) {
            int base = r * Encodings.WORDS;
            long key = 0;
            for (int k = 0; k < word.length; k++) {
                key = (key << 1) | ((words[base + word[k]] >>> shift[k]) & 1L);
            }
            sorted[r] = (key << 32) | r;
        }
        Arrays.sort(sorted);
    }

    private static int[] popcounts(Encodings encodings) {
        int[] popcounts = new int[encodings.size()];
        for (int r = 0; r < popcounts.length; r++) {
            popcounts[r] = encodings.popcount(r);
        }
        return popcounts;
    }
}
