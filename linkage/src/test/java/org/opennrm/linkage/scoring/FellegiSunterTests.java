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
