package org.opennrm.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FellegiSunterTests {

    static final int[] LEVELS = {4, 2, 5};
    static final double[][] M = {{0.80, 0.12, 0.05, 0.03}, {0.95, 0.05}, {0.70, 0.05, 0.05, 0.10, 0.10}};
    static final double[][] U = {{0.02, 0.03, 0.20, 0.75}, {0.50, 0.50}, {0.001, 0.001, 0.003, 0.01, 0.985}};

    @Test
    void expectationMaximisationRecoversKnownMatchProbabilitiesAndShare() {
        int pairs = 40_000;
        double share = 0.1;
        SplittableRandom random = new SplittableRandom(3);
        byte[] rows = new byte[pairs * LEVELS.length];
        long[] keys = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            boolean match = random.nextDouble() < share;
            for (int c = 0; c < LEVELS.length; c++) {
                boolean missing = random.nextDouble() < 0.1;
                rows[i * LEVELS.length + c] = missing ? Comparisons.MISSING : draw(match ? M[c] : U[c], random);
            }
            keys[i] = ((long) i << 32) | i;
        }
        FellegiSunter model = new FellegiSunter(LEVELS, U);
        int[] all = java.util.stream.IntStream.range(0, pairs).toArray();
        model.estimate(rows, keys, pairs, pairs, all, new float[3][], pairs, 0.3, 1, new boolean[3], new boolean[3]);

        assertThat(model.lambda).isCloseTo(share, within(0.01));
        for (int c = 0; c < LEVELS.length; c++) {
            for (int l = 0; l < LEVELS[c]; l++) {
                assertThat(model.m[c][l]).as("m of column %d level %d", c, l).isCloseTo(M[c][l], within(0.03));
            }
        }
    }

    @Test
    void recordsWithSeveralLikelyPartnersShareOneMatchBetweenThem() {
        // One A record agrees strongly with 5 B records: at most one of them can be its partner, so the estimated
        // number of matches among these pairs is at most one, not five.
        byte[] rows = new byte[5 * LEVELS.length];
        long[] keys = new long[5];
        for (int i = 0; i < 5; i++) {
            rows[i * 3] = 0;
            rows[i * 3 + 1] = 0;
            rows[i * 3 + 2] = 0;
            keys[i] = i;
        }
        FellegiSunter model = new FellegiSunter(LEVELS, U);
        boolean[] frozen = {true, true, true};
        model.estimate(
                rows, keys, 1, 5, new int[] {0, 1, 2, 3, 4}, new float[3][], 1000, 0.001, 1, new boolean[3], frozen);
        assertThat(model.lambda * 1000).isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void estimateByPatternsOfLevelsEqualsThePairByPairDefinition() {
        // 3 columns (rows packed into patterns) and 18 (every pair its own pattern), with term frequencies, a
        // subset, an ignored and a frozen column, and records of A and B in several pairs each.
        for (int columns : new int[] {3, 18}) {
            int[] levels = new int[columns];
            double[][] u = new double[columns][];
            for (int c = 0; c < columns; c++) {
                levels[c] = LEVELS[c % 3];
                u[c] = U[c % 3];
            }
            SplittableRandom random = new SplittableRandom(5);
            long[] keys = random.longs(6_000, 0, 400)
                    .map(x -> (x << 32) | random.nextInt(400))
                    .distinct()
                    .sorted()
                    .toArray();
            int pairs = keys.length;
            byte[] rows = new byte[pairs * columns];
            for (int i = 0; i < pairs; i++) {
                boolean match = random.nextDouble() < 0.1;
                for (int c = 0; c < columns; c++) {
                    boolean missing = random.nextDouble() < 0.1;
                    rows[i * columns + c] = missing ? Comparisons.MISSING : draw(match ? M[c % 3] : U[c % 3], random);
                }
            }
            float[][] pairU = new float[columns][];
            pairU[0] = new float[pairs];
            for (int i = 0; i < pairs; i++) {
                pairU[0][i] = (float) (0.001 + 0.05 * random.nextDouble());
            }
            int[] subset = java.util.stream.IntStream.range(0, pairs)
                    .filter(i -> i % 7 != 3)
                    .toArray();
            boolean[] ignored = new boolean[columns];
            ignored[2] = true;
            boolean[] frozen = new boolean[columns];
            frozen[1] = true;
            FellegiSunter model = new FellegiSunter(levels, u);
            model.estimate(rows, keys, 400, 400, subset, pairU, 160_000, 0.01, 0.5, ignored, frozen);
            FellegiSunter reference = new FellegiSunter(levels, u);
            pairByPair(reference, rows, keys, 400, 400, subset, pairU, 160_000, 0.01, 0.5, ignored, frozen);

            assertThat(model.iterations).as("iterations, %d columns", columns).isEqualTo(reference.iterations);
            assertThat(model.lambda).isCloseTo(reference.lambda, within(1e-12));
            for (int c = 0; c < columns; c++) {
                for (int l = 0; l < levels[c]; l++) {
                    assertThat(model.m[c][l]).isCloseTo(reference.m[c][l], within(1e-9));
                }
            }
        }
    }

    /** The estimate as its documentation defines it, pair by pair: the reference for the faster one. */
    private static void pairByPair(
            FellegiSunter model,
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
        int columns = model.columns;
        model.lambda = initialShare;
        for (model.iterations = 1; model.iterations <= FellegiSunter.MAX_ITERATIONS; model.iterations++) {
            double[] weights = new double[subset.length];
            for (int k = 0; k < subset.length; k++) {
                int i = subset[k];
                double logit = Math.log(model.lambda / (1 - model.lambda));
                for (int c = 0; c < columns; c++) {
                    byte level = rows[i * columns + c];
                    if (level < 0 || ignored[c]) {
                        continue;
                    }
                    logit += level == 0 && pairU[c] != null
                            ? Math.log(model.m[c][0]) - Math.log(pairU[c][i])
                            : Math.log(model.m[c][level] / model.u[c][level]);
                }
                weights[k] = 1 / (1 + Math.exp(-logit));
            }
            double[] perA = new double[sizeA];
            double[] perB = new double[sizeB];
            for (int k = 0; k < subset.length; k++) {
                perA[(int) (pairs[subset[k]] >>> 32)] += weights[k];
            }
            for (int k = 0; k < subset.length; k++) {
                weights[k] /= Math.max(1, perA[(int) (pairs[subset[k]] >>> 32)]);
                perB[(int) pairs[subset[k]]] += weights[k];
            }
            double[][] numerator = new double[columns][];
            double[] denominator = new double[columns];
            for (int c = 0; c < columns; c++) {
                numerator[c] = new double[model.levels[c]];
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
            double change = Math.abs(share - model.lambda);
            model.lambda = Math.min(maximumShare, Math.max(1e-9, share));
            for (int c = 0; c < columns; c++) {
                if (ignored[c] || frozen[c]) {
                    continue;
                }
                for (int l = 0; l < model.levels[c]; l++) {
                    double next = (numerator[c][l] + 1e-3) / (denominator[c] + 1e-3 * model.levels[c]);
                    change = Math.max(change, Math.abs(next - model.m[c][l]));
                    model.m[c][l] = next;
                }
            }
            if (change < 1e-6) {
                break;
            }
        }
    }

    private static byte draw(double[] distribution, SplittableRandom random) {
        double u = random.nextDouble();
        for (int l = 0; l < distribution.length - 1; l++) {
            u -= distribution[l];
            if (u < 0) {
                return (byte) l;
            }
        }
        return (byte) (distribution.length - 1);
    }
}
