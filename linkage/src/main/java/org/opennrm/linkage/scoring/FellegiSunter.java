package org.opennrm.linkage.scoring;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Fellegi-Sunter match weights estimated without labels. The u probabilities (how often two different people
 * reach each level) come from random pairs of the two lists, almost all of which are different people; the m
 * probabilities (how often the same person does) and the share of matches among the candidate pairs are then
 * found by expectation maximisation over the candidate pairs, with the u fixed, under the usual assumption that
 * fields agree independently given the match status. Level 0 of a term-frequency column uses each pair's own u,
 * so that agreeing on a common value counts less than agreeing on a rare one.
 */
final class FellegiSunter {

    static final int MAX_ITERATIONS = 300;

    final int columns;
    final int[] levels;
    final double[][] m;
    final double[][] u;
    double lambda;
    int iterations;

    FellegiSunter(int[] levels, double[][] u) {
        this.columns = levels.length;
        this.levels = levels.clone();
        this.u = u;
        this.m = new double[columns][];
        for (int c = 0; c < columns; c++) {
            m[c] = new double[levels[c]];
            // Start from "matches mostly agree": level 0 likely, the rest shared out.
            m[c][0] = 0.9;
            for (int l = 1; l < levels[c]; l++) {
                m[c][l] = 0.1 / (levels[c] - 1);
            }
        }
    }

    /** u from the levels of random pairs, each level counted once more so that none is zero. */
    static double[][] uFromRandomPairs(byte[] rows, int pairs, int[] levels) {
        double[][] u = new double[levels.length][];
        for (int c = 0; c < levels.length; c++) {
            double[] counts = new double[levels[c]];
            Arrays.fill(counts, 1);
            double total = levels[c];
            for (int i = 0; i < pairs; i++) {
                byte level = rows[i * levels.length + c];
                if (level >= 0) {
                    counts[level]++;
                    total++;
                }
            }
            for (int l = 0; l < counts.length; l++) {
                counts[l] /= total;
            }
            u[c] = counts;
        }
        return u;
    }

    /**
     * Expectation maximisation of m and the match share over the candidate pairs listed in {@code subset}, the
     * share being of {@code population} pairs: all pairs of the two lists when the subset holds every candidate
     * (the u come from random pairs of all of them, and pairs that are no candidates count as non-matches), the
     * subset itself when it was chosen by an ignored column;
     * {@code pairU[c]} holds each pair's own u at level 0 for term-frequency columns, null for the others. Columns
     * marked {@code ignored} do not enter the run (their level chose the subset); columns marked {@code frozen} keep
     * their m.
     *
     * <p>The expectation step respects that a record has at most one partner in the other list: the match
     * probabilities of one record's pairs are scaled down when they sum to more than one (for the record of A, then
     * of B). Without this, the many pairs of different people who share a popular name, sex and citizenship form a
     * second group as large as the true matches, and the estimate takes them for the matches and learns that a
     * match's date of birth mostly differs.
     */
    void estimate(
            byte[] rows,
            long[] pairs,
            int sizeA,
            int sizeB,
            int[] subset,
            float[][] pairU,
            double population,
            double initialShare,
            double maximumShare,
            boolean[] ignored,
            boolean[] frozen) {
        lambda = initialShare;
        Patterns patterns = patterns(rows, pairs.length);
        int p = patterns.count();
        // Each pair's logit is the prior, plus a term that depends only on its levels (its pattern) and the current
        // m, plus the fixed log u of its own values in term-frequency columns at level 0: per iteration the m enter
        // through one term per pattern, and the counts of the maximisation step are gathered per pattern.
        int[] pattern = new int[subset.length];
        double[] fixed = new double[subset.length];
        float[][] logPairU = logarithms(pairU);
        IntStream.range(0, subset.length).parallel().forEach(k -> {
            int i = subset[k];
            pattern[k] = patterns.of[i];
            double own = 0;
            for (int c = 0; c < columns; c++) {
                if (!ignored[c] && logPairU[c] != null && rows[i * columns + c] == 0) {
                    own -= logPairU[c][i];
                }
            }
            // Kept as exp(-term): a pair's probability is then 1 / (1 + exp(-pattern's term) exp(-own term)), a
            // multiplication per pair and iteration instead of an exponential (the pattern's exponential is taken
            // once per pattern); the same value up to rounding in the last bits.
            fixed[k] = Math.exp(-own);
        });
        boolean[] termFrequency = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            termFrequency[c] = logPairU[c] != null;
        }
        int n = subset.length;
        int[] aOf = new int[n];
        int[] bOf = new int[n];
        for (int k = 0; k < n; k++) {
            aOf[k] = (int) (pairs[subset[k]] >>> 32);
            bOf[k] = (int) pairs[subset[k]];
        }
        // Fixed slices of the pairs that never split a record of A, and fixed parts of them for the sums per
        // record of B: the passes below run on all threads, and sums over slices and parts are added in their
        // order, so that the result never depends on the threads.
        int[] slices = slices(aOf, SLICES);
        int[] parts = slices(aOf, PARTS);
        int[] slicesB = slices(null, Math.min(SLICES, sizeB), sizeB);
        double[][] perBPart = new double[parts.length - 1][sizeB];
        double[] weights = new double[n];
        double[] perB = new double[sizeB];
        double[] expTerm = new double[p];
        double[][] perPattern = new double[slices.length - 1][p];
        double[] totals = new double[slices.length - 1];
        for (iterations = 1; iterations <= MAX_ITERATIONS; iterations++) {
            double prior = Math.log(lambda / (1 - lambda));
            for (int q = 0; q < p; q++) {
                double sum = prior;
                for (int c = 0; c < columns; c++) {
                    byte level = patterns.levels[q * columns + c];
                    if (level < 0 || ignored[c]) {
                        continue;
                    }
                    sum += level == 0 && termFrequency[c] ? Math.log(m[c][0]) : Math.log(m[c][level] / u[c][level]);
                }
                expTerm[q] = Math.exp(-sum);
            }
            // Probabilities, then scaled per record of A (whose pairs lie together).
            IntStream.range(0, slices.length - 1).parallel().forEach(s -> {
                for (int k = slices[s]; k < slices[s + 1]; ) {
                    int end = k;
                    double sum = 0;
                    while (end < slices[s + 1] && aOf[end] == aOf[k]) {
                        double w = 1 / (1 + expTerm[pattern[end]] * fixed[end]);
                        weights[end] = w;
                        sum += w;
                        end++;
                    }
                    double scale = Math.max(1, sum);
                    for (int x = k; x < end; x++) {
                        weights[x] /= scale;
                    }
                    k = end;
                }
            });
            // Sums per record of B: each part adds its pairs in order into its own sums (which stay in the cache,
            // where gathering the weights record by record of B missed it), then the parts are added.
            IntStream.range(0, parts.length - 1).parallel().forEach(q -> {
                double[] own = perBPart[q];
                Arrays.fill(own, 0);
                for (int k = parts[q]; k < parts[q + 1]; k++) {
                    own[bOf[k]] += weights[k];
                }
            });
            IntStream.range(0, slicesB.length - 1).parallel().forEach(s -> {
                for (int b = slicesB[s]; b < slicesB[s + 1]; b++) {
                    double sum = 0;
                    for (double[] part : perBPart) {
                        sum += part[b];
                    }
                    perB[b] = sum;
                }
            });
            IntStream.range(0, slices.length - 1).parallel().forEach(s -> {
                double[] own = perPattern[s];
                Arrays.fill(own, 0);
                double sum = 0;
                for (int k = slices[s]; k < slices[s + 1]; k++) {
                    double w = weights[k] / Math.max(1, perB[bOf[k]]);
                    sum += w;
                    own[pattern[k]] += w;
                }
                totals[s] = sum;
            });
            double total = 0;
            for (double sliceTotal : totals) {
                total += sliceTotal;
            }
            double[][] numerator = new double[columns][];
            double[] denominator = new double[columns];
            for (int c = 0; c < columns; c++) {
                numerator[c] = new double[levels[c]];
            }
            for (double[] slice : perPattern) {
                for (int q = 0; q < p; q++) {
                    if (slice[q] == 0) {
                        continue;
                    }
                    for (int c = 0; c < columns; c++) {
                        byte level = patterns.levels[q * columns + c];
                        if (level >= 0) {
                            numerator[c][level] += slice[q];
                            denominator[c] += slice[q];
                        }
                    }
                }
            }
            double share = total / population;
            double change = Math.abs(share - lambda);
            // A one-to-one linkage cannot hold more matches than the smaller list has records; without this bound
            // the estimate can slide to the useless answer "every candidate is a match" (all share a popular name).
            lambda = Math.min(maximumShare, Math.max(1e-9, share));
            for (int c = 0; c < columns; c++) {
                if (ignored[c] || frozen[c]) {
                    continue;
                }
                for (int l = 0; l < levels[c]; l++) {
                    double next = (numerator[c][l] + 1e-3) / (denominator[c] + 1e-3 * levels[c]);
                    change = Math.max(change, Math.abs(next - m[c][l]));
                    m[c][l] = next;
                }
            }
            if (change < 1e-6) {
                break;
            }
        }
    }

    /** Slices of the pairs for the passes of the estimate; a fixed number, so that sums never depend on threads. */
    static final int SLICES = 64;

    /** Parts of the pairs whose sums per record of B are kept apart, then added. */
    static final int PARTS = 4;

    /** Bounds of up to {@code count} slices of {@code keys.length} items, none splitting a run of equal keys. */
    private static int[] slices(int[] keys, int count) {
        return slices(keys, count, keys.length);
    }

    private static int[] slices(int[] keys, int count, int length) {
        int[] bounds = new int[count + 1];
        int size = 1;
        for (int s = 1; s < count; s++) {
            int bound = (int) ((long) length * s / count);
            while (keys != null && bound > 0 && bound < length && keys[bound] == keys[bound - 1]) {
                bound++;
            }
            if (bound > bounds[size - 1] && bound < length) {
                bounds[size++] = bound;
            }
        }
        bounds[size++] = length;
        return Arrays.copyOf(bounds, size);
    }

    /**
     * The distinct rows of levels (patterns) among the pairs, and each pair's pattern number: a few hundred patterns
     * for millions of pairs. Computed once per array of rows.
     */
    private record Patterns(int[] of, byte[] levels, int count) {}

    private Patterns patternsOf;

    private byte[] patternsFor;

    private Patterns patterns(byte[] rows, int pairs) {
        if (patternsFor == rows && patternsOf != null && patternsOf.of.length == pairs) {
            return patternsOf;
        }
        int[] of = new int[pairs];
        boolean packable = columns <= 15 && Arrays.stream(levels).allMatch(count -> count < 15);
        if (!packable) {
            // Too many columns or levels to pack a row into a long: every pair is its own pattern.
            Arrays.setAll(of, i -> i);
            patternsOf = new Patterns(of, Arrays.copyOf(rows, pairs * columns), pairs);
            patternsFor = rows;
            return patternsOf;
        }
        // Four bits per column: the level plus one (0 for missing).
        long[] codes = new long[pairs];
        IntStream.range(0, pairs).parallel().forEach(i -> {
            long code = 0;
            for (int c = 0; c < columns; c++) {
                code = (code << 4) | (rows[i * columns + c] + 1);
            }
            codes[i] = code;
        });
        long[] slots = new long[1 << 12];
        int[] ids = new int[slots.length];
        Arrays.fill(ids, -1);
        byte[] rowsOf = new byte[64 * columns];
        int count = 0;
        for (int i = 0; i < pairs; i++) {
            if (2 * (count + 1) > slots.length) {
                long[] oldSlots = slots;
                int[] oldIds = ids;
                slots = new long[oldSlots.length * 2];
                ids = new int[slots.length];
                Arrays.fill(ids, -1);
                for (int s = 0; s < oldSlots.length; s++) {
                    if (oldIds[s] >= 0) {
                        int t = slot(slots, ids, oldSlots[s]);
                        slots[t] = oldSlots[s];
                        ids[t] = oldIds[s];
                    }
                }
            }
            int t = slot(slots, ids, codes[i]);
            if (ids[t] < 0) {
                slots[t] = codes[i];
                ids[t] = count;
                if ((count + 1) * columns > rowsOf.length) {
                    rowsOf = Arrays.copyOf(rowsOf, rowsOf.length * 2);
                }
                System.arraycopy(rows, i * columns, rowsOf, count * columns, columns);
                count++;
            }
            of[i] = ids[t];
        }
        patternsOf = new Patterns(of, rowsOf, count);
        patternsFor = rows;
        return patternsOf;
    }

    /** The slot of {@code code} in an open-addressing table: where it is, or the empty slot where it goes. */
    private static int slot(long[] slots, int[] ids, long code) {
        int mask = slots.length - 1;
        long h = code * 0x9e3779b97f4a7c15L;
        int t = (int) (h >>> 40) & mask;
        while (ids[t] >= 0 && slots[t] != code) {
            t = (t + 1) & mask;
        }
        return t;
    }

    double probability(byte[] rows, int i, float[][] pairU) {
        return new Weights(pairU, new boolean[columns]).probability(rows, i);
    }

    /** log of each pair's own u, computed once per array of u and kept for the following iterations. */
    private float[][] logPairUFor;

    private float[][] logPairU;

    private float[][] logarithms(float[][] pairU) {
        if (logPairUFor != pairU) {
            float[][] logs = new float[pairU.length][];
            for (int c = 0; c < pairU.length; c++) {
                if (pairU[c] != null) {
                    float[] own = pairU[c];
                    float[] log = new float[own.length];
                    IntStream.range(0, own.length).parallel().forEach(i -> log[i] = (float) Math.log(own[i]));
                    logs[c] = log;
                }
            }
            logPairU = logs;
            logPairUFor = pairU;
        }
        return logPairU;
    }

    /** The log weights of the current m, u and share, so that a pair's probability is a few table look-ups. */
    private final class Weights {

        private final double prior = Math.log(lambda / (1 - lambda));
        private final double[][] logRatio = new double[columns][];
        private final double[] logM0 = new double[columns];
        private final float[][] logPairU;
        private final boolean[] ignored;

        Weights(float[][] pairU, boolean[] ignored) {
            this.logPairU = logarithms(pairU);
            this.ignored = ignored;
            for (int c = 0; c < columns; c++) {
                logRatio[c] = new double[levels[c]];
                for (int l = 0; l < levels[c]; l++) {
                    logRatio[c][l] = Math.log(m[c][l] / u[c][l]);
                }
                logM0[c] = Math.log(m[c][0]);
            }
        }

        double probability(byte[] rows, int i) {
            double logit = prior;
            int base = i * columns;
            for (int c = 0; c < columns; c++) {
                byte level = rows[base + c];
                if (level < 0 || ignored[c]) {
                    continue;
                }
                logit += level == 0 && logPairU[c] != null ? logM0[c] - logPairU[c][i] : logRatio[c][level];
            }
            return 1 / (1 + Math.exp(-logit));
        }
    }

    double[] probabilities(byte[] rows, int pairs, float[][] pairU) {
        Weights weighing = new Weights(pairU, new boolean[columns]);
        return IntStream.range(0, pairs)
                .parallel()
                .mapToDouble(i -> weighing.probability(rows, i))
                .toArray();
    }

    /** The match weight log2(m/u) of a level with the average u. */
    double weight(int c, int level) {
        return Math.log(m[c][level] / u[c][level]) / Math.log(2);
    }
}
