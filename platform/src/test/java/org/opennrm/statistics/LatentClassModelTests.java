package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The latent-class model's Gibbs sampler: recovers a known population, is reproducible, refuses bad settings. */
class LatentClassModelTests {

    static final LatentClassModel.Settings SHORT = new LatentClassModel.Settings(10, 2_000, 1_000, 5, 42);

    /**
     * A population of 5,000 in two strata that the lists record very differently (20% are easy to record, 80% hard),
     * with four lists: the main-effects log-linear model, which assumes everybody is equally likely to be recorded,
     * misses the true size; the latent-class interval holds it.
     */
    @Test
    void recoversTheSizeOfAHeterogeneousPopulationThatTheMainEffectsModelMisses() {
        var table = heterogeneous(5_000, 7);

        var latent = new LatentClassModel(table, new LatentClassModel.Settings(10, 2_000, 1_000, 20, 42))
                .fit(LatentClassModel.Monitor.NONE);
        var mainEffects = new MultipleSystemsEstimation().estimate(table).mainEffects();

        assertThat(latent.totalLower()).isLessThanOrEqualTo(5_000);
        assertThat(latent.totalUpper()).isGreaterThanOrEqualTo(5_000);
        assertThat(latent.total()).isCloseTo(5_000, within(1_000.0));
        assertThat(latent.effectiveSampleSize()).isGreaterThan(30);
        assertThat(mainEffects.totalUpper()).isLessThan(5_000);
    }

    @Test
    void theSameSeedGivesTheSameDrawsAndAnotherSeedOthers() {
        var table = heterogeneous(2_000, 3);

        var first = new LatentClassModel(table, SHORT).fit(LatentClassModel.Monitor.NONE);
        var again = new LatentClassModel(table, SHORT).fit(LatentClassModel.Monitor.NONE);
        var other = new LatentClassModel(table, new LatentClassModel.Settings(10, 2_000, 1_000, 5, 43))
                .fit(LatentClassModel.Monitor.NONE);

        assertThat(again.total()).isEqualTo(first.total());
        assertThat(again.totalLower()).isEqualTo(first.totalLower());
        assertThat(again.totalUpper()).isEqualTo(first.totalUpper());
        assertThat(other.totalUpper()).isNotEqualTo(first.totalUpper());
    }

    /*
     * The Kosovo killings (Ball et al. 2002; four lists, 4,400 people seen; the table as printed in the SparseMSE
     * documentation from LCMCR's kosovo_aggregate). Ball et al. estimated 10,356 (95% interval 9,002 to 12,122) with
     * log-linear models; Manrique-Vallier (2016) reports the latent-class posterior of N for these data in the range
     * of about 10,000 to 12,000 for its centre. R cannot be run here, so the test asks for a posterior median in
     * 9,000..14,000 and an interval that holds Ball et al.'s 10,356, allowing for Monte Carlo noise.
     */
    @Test
    void kosovoKillingsGiveAPosteriorNearThePublishedEstimates() {
        var estimate = new LatentClassModel(MseFixtures.table("Kosovo"), SHORT).fit(LatentClassModel.Monitor.NONE);

        assertThat(estimate.observed()).isEqualTo(4_400);
        assertThat(estimate.total()).isBetween(9_000.0, 14_000.0);
        assertThat(estimate.totalLower()).isLessThan(10_356);
        assertThat(estimate.totalUpper()).isGreaterThan(10_356);
        assertThat(estimate.unbounded()).isFalse();
    }

    @Test
    void refusesSettingsThatCannotGiveAPosterior() {
        assertThatThrownBy(() -> new LatentClassModel.Settings(1, 100, 1_000, 1, 1))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("classes");
        assertThatThrownBy(() -> new LatentClassModel.Settings(10, -1, 1_000, 1, 1))
                .isInstanceOf(MseInputInvalid.class);
        assertThatThrownBy(() -> new LatentClassModel.Settings(10, 100, 10, 1, 1))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("100 kept draws");
        assertThatThrownBy(() -> new LatentClassModel.Settings(10, 100, 1_000_000, 100, 1))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("iterations");
    }

    @Test
    void aMonitorThatThrowsStopsTheChain() {
        var table = heterogeneous(1_000, 5);
        List<Long> seen = new ArrayList<>();

        assertThatThrownBy(() -> new LatentClassModel(table, SHORT).fit((done, total) -> {
                    seen.add(done);
                    if (done >= total / 2) {
                        throw new IllegalStateException("limit");
                    }
                }))
                .hasMessage("limit");
        assertThat(seen.getLast()).isLessThan(SHORT.iterations());
    }

    @Test
    void binomialDrawsHaveTheBinomialMeanAndVariance() {
        var model = new LatentClassModel(heterogeneous(1_000, 1), SHORT);
        int runs = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < runs; i++) {
            long x = model.binomial(10_000, 0.3);
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / runs;
        double variance = squares / runs - mean * mean;
        assertThat(mean).isCloseTo(3_000, within(3.0));
        assertThat(variance).isCloseTo(2_100, within(150.0));
    }

    @Test
    void effectiveSampleSizeIsSmallForAStickyChainAndFullForIndependentDraws() {
        var random = new SplittableRandom(1);
        double[] independent = new double[2_000];
        double[] sticky = new double[2_000];
        double level = 0;
        for (int i = 0; i < independent.length; i++) {
            independent[i] = random.nextDouble();
            level = 0.98 * level + random.nextGaussian();
            sticky[i] = level;
        }
        assertThat(LatentClassModel.effectiveSampleSize(independent)).isGreaterThan(1_500);
        assertThat(LatentClassModel.effectiveSampleSize(sticky)).isLessThan(100);
        assertThat(LatentClassModel.effectiveSampleSize(new double[200])).isZero();
    }

    /** Four lists; 20% of the population recorded by each list with probability 0.6, 80% with 0.08. */
    static ListOverlapTable heterogeneous(int size, long seed) {
        var random = new SplittableRandom(seed);
        long[] counts = new long[16];
        for (int person = 0; person < size; person++) {
            double p = person < size / 5 ? 0.6 : 0.08;
            int cell = 0;
            for (int list = 0; list < 4; list++) {
                if (random.nextDouble() < p) {
                    cell |= 1 << list;
                }
            }
            counts[cell]++;
        }
        counts[0] = 0;
        return new ListOverlapTable(List.of("A", "B", "C", "D"), counts);
    }
}
