package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The logit-normal model: its quadrature against a fine numerical integral, and its estimates on tables made by the
 * model itself (expected counts, where the maximum likelihood estimate must give back the truth, and seeded random
 * populations, where its 95% interval must hold the true size about 95% of the time).
 */
class LogitNormalModelTests {

    private static final List<String> FIVE = List.of("A", "B", "C", "D", "E");

    @Test
    void theQuadratureAgreesWithAFineIntegralForSmallAndLargeSpreads() {
        double[] alpha = {-1.2, -0.4, -2.0, 0.3, -0.9};
        for (double sigma : new double[] {0.01, 1, 3, 10}) {
            var model = new LogitNormalModel(table(new long[32]), List.of(), () -> false);
            double[] pi = model.probabilities(theta(alpha, sigma));
            double[] exact = integral(alpha, sigma, List.of(), new double[0]);
            double sum = 0;
            for (int cell = 0; cell < 32; cell++) {
                assertThat(pi[cell]).as("cell %d at sigma %s", cell, sigma).isCloseTo(exact[cell], within(1e-9));
                sum += pi[cell];
            }
            assertThat(sum).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void expectedCountsOfTheModelGiveBackItsSizeAndSpread() {
        double[] alpha = {-1.5, -1.0, -1.2, -0.8, -2.0};
        var table = expected(20_000, alpha, 1.2, List.of(), new double[0]);

        var fit = new LogitNormalModel(table, List.of(), () -> false).fit();

        assertThat(fit.status()).isEqualTo(FitStatus.FITTED);
        assertThat(table.observed() + fit.hidden()).isCloseTo(20_000, within(20.0));
        assertThat(fit.spread()).isCloseTo(1.2, within(0.01));
        assertThat(table.observed() + fit.hiddenLower()).isLessThan(20_000);
        assertThat(table.observed() + fit.hiddenUpper()).isGreaterThan(20_000);
        // expected counts fit the model exactly
        assertThat(fit.deviance()).isLessThan(0.1);
    }

    @Test
    void aDirectDependenceBetweenTwoListsIsEstimatedWithItsInteraction() {
        double[] alpha = {-1.5, -1.0, -1.2, -0.8, -2.0};
        List<int[]> pair = List.<int[]>of(new int[] {0, 2});
        var table = expected(10_000, alpha, 0.8, pair, new double[] {1.0});

        var with = new LogitNormalModel(table, pair, () -> false).fit();
        var without = new LogitNormalModel(table, List.of(), () -> false).fit();

        assertThat(table.observed() + with.hidden()).isCloseTo(10_000, within(15.0));
        assertThat(with.deviance()).isLessThan(0.1);
        // leaving the positive dependence out fits worse and misses the size
        assertThat(without.deviance()).isGreaterThan(10);
        assertThat(Math.abs(table.observed() + without.hidden() - 10_000)).isGreaterThan(50);
    }

    @Test
    void withoutSpreadTheEstimateIsThatOfTheMainEffectsModel() {
        double[] alpha = {-1.5, -1.0, -1.2, -0.8, -2.0};
        var table = expected(8_000, alpha, 0.0, List.of(), new double[0]);

        var fit = new LogitNormalModel(table, List.of(), () -> false).fit();
        var mainEffects = new MultipleSystemsEstimation().estimate(table).mainEffects();

        assertThat(table.observed() + fit.hidden()).isCloseTo(mainEffects.total(), within(0.005 * 8_000));
        assertThat(fit.spread()).isLessThan(0.1);
    }

    @Test
    void onPopulationsDrawnFromTheModelItsIntervalHoldsTheSizeAsOftenAsItPromises() {
        var random = new SplittableRandom(2026);
        int populations = 20;
        int covered = 0;
        for (int p = 0; p < populations; p++) {
            int size = 2_000 + random.nextInt(6_000);
            double sigma = 0.5 + random.nextDouble();
            double[] alpha = new double[5];
            for (int j = 0; j < 5; j++) {
                alpha[j] = -2.2 + 1.4 * random.nextDouble();
            }
            long[] counts = new long[32];
            for (int person = 0; person < size; person++) {
                double z = random.nextGaussian();
                int cell = 0;
                for (int j = 0; j < 5; j++) {
                    if (random.nextDouble() < 1 / (1 + Math.exp(-(alpha[j] + sigma * z)))) {
                        cell |= 1 << j;
                    }
                }
                counts[cell]++;
            }
            counts[0] = 0;
            var table = table(counts);
            var fit = new LogitNormalModel(table, List.of(), () -> false).fit();
            double lower = table.observed() + fit.hiddenLower();
            double upper =
                    Double.isNaN(fit.hiddenUpper()) ? Double.POSITIVE_INFINITY : table.observed() + fit.hiddenUpper();
            if (fit.status() == FitStatus.FITTED && lower <= size && size <= upper) {
                covered++;
            }
        }
        // 95% promised; 17 of 20 or more happens with probability 0.98 when the promise holds
        assertThat(covered).isGreaterThanOrEqualTo(17);
    }

    @Test
    void theSensitivityTableHasTheModelWithTheRaschTypeModelsInteractions() {
        var estimate =
                new MultipleSystemsEstimation().estimateWithHeterogeneity(MseFixtures.table("Western"), () -> false);

        var row = estimate.logitNormal();
        assertThat(row).isNotNull();
        assertThat(row.status()).isEqualTo(FitStatus.FITTED);
        assertThat(row.heterogeneity()).isTrue();
        assertThat(row.model()).startsWith("main effects + heterogeneity (logit-normal)");
        assertThat(row.interactions()).isEqualTo(estimate.raschByAic().interactions());
        assertThat(row.totalLower()).isLessThanOrEqualTo(row.total());
        assertThat(row.aic()).isFinite();
        assertThat(estimate.models()).contains(row);
        // a request's immediate estimate leaves it out
        assertThat(new MultipleSystemsEstimation()
                        .estimate(MseFixtures.table("Western"))
                        .logitNormal())
                .isNull();
    }

    @Test
    void atTheTimeLimitItsSearchStopsAndItsRowSaysSoWhileTheOtherModelsStay() {
        var estimate =
                new MultipleSystemsEstimation().estimateWithHeterogeneity(MseFixtures.table("Western"), () -> true);

        assertThat(estimate.logitNormal().status()).isEqualTo(FitStatus.NOT_CONVERGED);
        assertThat(estimate.logitNormal().problem()).contains("time limit");
        assertThat(estimate.logitNormal().total()).isNull();
        assertThat(estimate.twoClasses().status()).isEqualTo(FitStatus.NOT_CONVERGED);
        assertThat(estimate.raschByAic().status()).isEqualTo(FitStatus.FITTED);
        assertThat(estimate.mainEffects().status()).isEqualTo(FitStatus.FITTED);
    }

    @Test
    void tablesOfMoreListsThanItFitsHaveNoRow() {
        int lists = HeterogeneityModel.MAX_LISTS + 1;
        long[] counts = new long[1 << lists];
        var random = new SplittableRandom(7);
        for (int cell = 1; cell < counts.length; cell++) {
            counts[cell] = Integer.bitCount(cell) <= 2 ? 5 + random.nextInt(40) : random.nextInt(3);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < lists; j++) {
            names.add("L" + j);
        }

        var estimate = new MultipleSystemsEstimation()
                .estimateWithHeterogeneity(new ListOverlapTable(names, counts), () -> false);

        assertThat(estimate.logitNormal()).isNull();
        assertThat(estimate.twoClasses()).isNull();
        assertThat(estimate.mainEffects()).isNotNull();
    }

    private static double[] theta(double[] alpha, double sigma) {
        double[] theta = new double[alpha.length + 1];
        System.arraycopy(alpha, 0, theta, 0, alpha.length);
        theta[alpha.length] = Math.log(Math.max(sigma, 1e-300));
        return theta;
    }

    /** The probabilities of the 2^5 cells by the trapezoid rule on [-12, 12] with 48,001 points. */
    private static double[] integral(double[] alpha, double sigma, List<int[]> pairs, double[] gamma) {
        int cells = 1 << alpha.length;
        double[] pi = new double[cells];
        int points = 48_000;
        double step = 24.0 / points;
        for (int k = 0; k <= points; k++) {
            double z = -12 + k * step;
            double weight = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * step * (k == 0 || k == points ? 0.5 : 1);
            double[] given = Catchability.given(alpha, sigma * z, pairs, gamma);
            for (int cell = 0; cell < cells; cell++) {
                pi[cell] += weight * given[cell];
            }
        }
        return pi;
    }

    /** The expected counts of a population of {@code size} under the model, rounded to whole people. */
    private static ListOverlapTable expected(
            int size, double[] alpha, double sigma, List<int[]> pairs, double[] gamma) {
        double[] pi = sigma == 0 ? Catchability.given(alpha, 0, pairs, gamma) : integral(alpha, sigma, pairs, gamma);
        long[] counts = new long[pi.length];
        for (int cell = 1; cell < pi.length; cell++) {
            counts[cell] = Math.round(size * pi[cell]);
        }
        return table(counts);
    }

    private static ListOverlapTable table(long[] counts) {
        return new ListOverlapTable(FIVE, counts);
    }
}
