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
        for (iterations = 1; iterations <= MAX_ITERATIONS; iterations++) {
            double[][] numerator = new double[columns][];
            double[] denominator = new double[columns];
            for (int c = 0; c < columns; c++) {
                numerator[c] = new double[levels[c]];
            }
            Weights weighing = new Weights(pairU, ignored);
            double[] weights = IntStream.range(0, subset.length)
                    .parallel()
                    .mapToDouble(k -> weighing.probability(rows, subset[k]))
                    .toArray();
            double[] perA = new double[sizeA];
            double[] perB = new double[sizeB];
            for (int k = 0; k < subset.length; k++) {
                perA[(int) (pairs[subset[k]] >>> 32)] += weights[k];
            }
            for (int k = 0; k < subset.length; k++) {
                weights[k] /= Math.max(1, perA[(int) (pairs[subset[k]] >>> 32)]);
                perB[(int) pairs[subset[k]]] += weights[k];
            }
            double total = 0;
            for (int k = 0; k < subset.length; k++) {
                int i = subset[k];
                double w = weights[k] / Math.max(1, perB[(int) pairs[i]]);
                total += w;
                for (int c = 0; c < columns; c++) {
                    byte level = rows[i * columns + c];
                    if (level >= 0) {
                        numerator[c][level] += w;
                        denominator[c] += w;
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
