package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two-class model: its cell probabilities against the mixture written out, its estimates on tables made by the
 * model itself (expected counts, where the maximum likelihood estimate must give back the truth; seeded random
 * populations, where its 95% interval must hold the true size about 95% of the time), and an open upper limit where
 * one group is all but invisible.
 */
class TwoClassModelTests {

    private static final List<String> FIVE = List.of("A", "B", "C", "D", "E");
    private static final double[] ALPHA = {-1.8, -1.2, -1.5, -1.0, -2.2};

    @Test
    void theCellProbabilitiesAreTheTwoClassesMixedByTheirShares() {
        List<int[]> pair = List.<int[]>of(new int[] {1, 3});
        var model = new TwoClassModel(table(new long[32]), pair, () -> false);

        double[] pi = model.probabilities(theta(ALPHA, 2.0, 0.3, 0.7));

        double[] hard = Catchability.given(ALPHA, 0, pair, new double[] {0.7});
        double[] easy = Catchability.given(ALPHA, 2.0, pair, new double[] {0.7});
        double sum = 0;
        for (int cell = 0; cell < 32; cell++) {
            assertThat(pi[cell]).as("cell %d", cell).isCloseTo(0.7 * hard[cell] + 0.3 * easy[cell], within(1e-14));
            sum += pi[cell];
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
    }

    @Test
    void expectedCountsOfTheModelGiveBackItsSizeAndTheDifferenceBetweenTheClasses() {
        List<int[]> pair = List.<int[]>of(new int[] {0, 2});
        var table = expected(20_000, 2.0, 0.4, pair, 0.8);

        var fit = new TwoClassModel(table, pair, () -> false).fit();

        assertThat(fit.status()).isEqualTo(FitStatus.FITTED);
        assertThat(table.observed() + fit.hidden()).isCloseTo(20_000, within(40.0));
        assertThat(fit.spread()).isCloseTo(2.0, within(0.02));
        assertThat(table.observed() + fit.hiddenLower()).isLessThan(20_000);
        assertThat(table.observed() + fit.hiddenUpper()).isGreaterThan(20_000);
        assertThat(fit.deviance()).isLessThan(0.1);
    }

    @Test
    void aGroupThatTheListsAlmostNeverRecordLeavesTheUpperLimitOpen() {
        // a third of the people: each list records 1 to 2% of them
        double[] alpha = {-4.6, -4.2, -4.4, -3.9, -4.1};
        var table = expected(alpha, 30_000, 4.0, 2.0 / 3, List.of(), 0);

        var fit = new TwoClassModel(table, List.of(), () -> false).fit();

        assertThat(fit.status() == FitStatus.BOUNDARY || Double.isNaN(fit.hiddenUpper()))
                .as("no upper limit from the data: %s", fit)
                .isTrue();
    }

    @Test
    void onPopulationsDrawnFromTheModelItsIntervalHoldsTheSizeAsOftenAsItPromises() {
        var random = new SplittableRandom(2027);
        int populations = 20;
        int covered = 0;
        int bounded = 0;
        for (int p = 0; p < populations; p++) {
            int size = 3_000 + random.nextInt(7_000);
            double shift = 1.5 + random.nextDouble();
            double share = 0.3 + 0.4 * random.nextDouble();
            double[] alpha = new double[5];
            for (int j = 0; j < 5; j++) {
                alpha[j] = -1.8 + 1.0 * random.nextDouble();
            }
            long[] counts = new long[32];
            for (int person = 0; person < size; person++) {
                double s = random.nextDouble() < share ? shift : 0;
                int cell = 0;
                for (int j = 0; j < 5; j++) {
                    if (random.nextDouble() < 1 / (1 + Math.exp(-(alpha[j] + s)))) {
                        cell |= 1 << j;
                    }
                }
                counts[cell]++;
            }
            counts[0] = 0;
            var table = table(counts);
            var fit = new TwoClassModel(table, List.of(), () -> false).fit();
            if (fit.status() != FitStatus.FITTED) {
                continue;
            }
            double lower = table.observed() + fit.hiddenLower();
            boolean open = Double.isNaN(fit.hiddenUpper());
            double upper = open ? Double.POSITIVE_INFINITY : table.observed() + fit.hiddenUpper();
            if (!open) {
                bounded++;
            }
            if (lower <= size && size <= upper) {
                covered++;
            }
        }
        // 95% promised; 17 of 20 or more happens with probability 0.98 when the promise holds
        assertThat(covered).isGreaterThanOrEqualTo(17);
        // and not by leaving every interval open: the classes here differ enough for the data to bound most of them
        assertThat(bounded).isGreaterThanOrEqualTo(15);
    }

    @Test
    void theSensitivityTableHasTheModelWithTheRaschTypeModelsInteractions() {
        var estimate =
                new MultipleSystemsEstimation().estimateWithHeterogeneity(MseFixtures.table("Western"), () -> false);

        var row = estimate.twoClasses();
        assertThat(row).isNotNull();
        assertThat(row.heterogeneity()).isTrue();
        assertThat(row.model()).startsWith("main effects + heterogeneity (two classes)");
        assertThat(row.interactions()).isEqualTo(estimate.raschByAic().interactions());
        assertThat(estimate.models()).contains(row);
        if (row.status() == FitStatus.FITTED) {
            assertThat(row.totalLower()).isLessThanOrEqualTo(row.total());
            assertThat(row.aic()).isFinite();
        } else {
            assertThat(row.problem()).isNotBlank();
        }
        assertThat(new MultipleSystemsEstimation()
                        .estimate(MseFixtures.table("Western"))
                        .twoClasses())
                .isNull();
    }

    /** List effects, then the log of the shift, the log-odds of the easier class's share, and the interactions. */
    private static double[] theta(double[] alpha, double shift, double share, double... gamma) {
        double[] theta = new double[alpha.length + 2 + gamma.length];
        System.arraycopy(alpha, 0, theta, 0, alpha.length);
        theta[alpha.length] = Math.log(shift);
        theta[alpha.length + 1] = Math.log(share / (1 - share));
        System.arraycopy(gamma, 0, theta, alpha.length + 2, gamma.length);
        return theta;
    }

    private static ListOverlapTable expected(int size, double shift, double share, List<int[]> pairs, double gamma) {
        return expected(ALPHA, size, shift, share, pairs, gamma);
    }

    /** The expected counts of a population of {@code size} under the model, rounded to whole people. */
    private static ListOverlapTable expected(
            double[] alpha, int size, double shift, double share, List<int[]> pairs, double gamma) {
        double[] hard = Catchability.given(alpha, 0, pairs, gammas(pairs, gamma));
        double[] easy = Catchability.given(alpha, shift, pairs, gammas(pairs, gamma));
        long[] counts = new long[hard.length];
        for (int cell = 1; cell < hard.length; cell++) {
            counts[cell] = Math.round(size * ((1 - share) * hard[cell] + share * easy[cell]));
        }
        return table(counts);
    }

    /** The same interaction for every pair. */
    private static double[] gammas(List<int[]> pairs, double gamma) {
        double[] gammas = new double[pairs.size()];
        Arrays.fill(gammas, gamma);
        return gammas;
    }

    private static ListOverlapTable table(long[] counts) {
        return new ListOverlapTable(FIVE, counts);
    }
}
