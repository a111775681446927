package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Multiple systems estimation checked against published results on the published list-overlap tables. */
class MseEstimationTests {

    final MultipleSystemsEstimation estimation = new MultipleSystemsEstimation();

    /*
     * Published main-effects totals: Ned 52,823, NewOrl 997 and Western 2,007 (Silverman 2020; Bales,
     * Murphy and Silverman 2019; Farrell et al. 2019, via the SparseMSE package), UKdat about 12,200
     * (Home Office 2014). Matched within 0.5%.
     */
    @ParameterizedTest
    @CsvSource({"Ned, 52823", "NewOrl, 997", "Western, 2007", "UKdat, 12200"})
    void mainEffectsModelMatchesThePublishedTotal(String table, double published) {
        var estimate = estimation.estimate(MseFixtures.table(table));

        assertThat(estimate.mainEffects().status()).isEqualTo(FitStatus.FITTED);
        assertThat(estimate.mainEffects().total()).isCloseTo(published, within(published * 0.005));
    }

    @Test
    void totalIsThePeopleSeenPlusTheHiddenNumber() {
        var estimate = estimation.estimate(MseFixtures.table("UKdat"));

        assertThat(estimate.observed()).isEqualTo(2744);
        for (var row : estimate.models()) {
            if (row.status() == FitStatus.FITTED) {
                assertThat(row.total()).isCloseTo(2744 + row.hidden(), within(1e-6));
            }
        }
    }

    @Test
    void mainEffectsModelHasTheDegreesOfFreedomOfTheObservableCells() {
        var estimate = estimation.estimate(MseFixtures.table("UKdat"));

        // 63 observable cells, 7 parameters (intercept and six lists)
        assertThat(estimate.cells()).isEqualTo(63);
        assertThat(estimate.mainEffects().df()).isEqualTo(56);
    }

    @Test
    void everyIntervalHoldsItsEstimate() {
        for (String table : new String[] {"UKdat", "Western"}) {
            var estimate = estimation.estimate(MseFixtures.table(table));
            for (var row : estimate.models()) {
                if (row.status() == FitStatus.FITTED && row.hiddenUpper() != null) {
                    assertThat(row.hiddenLower()).isLessThan(row.hidden());
                    assertThat(row.hiddenUpper()).isGreaterThan(row.hidden());
                }
            }
        }
    }

    @Test
    void profileIntervalLimitsAreWhereTheLikelihoodDropsByTheChiSquaredQuantile() {
        var table = MseFixtures.table("Western");
        var estimate = estimation.estimate(table);
        var model = LogLinearModel.mainEffects(table.listCount());
        double best = model.fit(table).logLikelihood();

        for (double limit : new double[] {
            estimate.mainEffects().hiddenLower(), estimate.mainEffects().hiddenUpper()
        }) {
            double profile = model.fitWithIntercept(table, Math.log(limit)).logLikelihood();
            // chi-squared(1) 95% quantile 3.8415
            assertThat(2 * (best - profile)).isCloseTo(3.8415, within(1e-3));
        }
    }

    @Test
    void modelsChosenByAnInformationCriterionAreTheBestOnTheirCriterionAmongSingleInteractionModels() {
        var estimate = estimation.estimate(MseFixtures.table("UKdat"));

        for (var row : estimate.models()) {
            // the Rasch-type rows are a family of their own, chosen from separately
            if (row.status() == FitStatus.FITTED
                    && !row.heterogeneity()
                    && row.interactions().size() <= 1) {
                assertThat(estimate.bestByAic().aic()).isLessThanOrEqualTo(row.aic());
                assertThat(estimate.bestByBic().bic()).isLessThanOrEqualTo(row.bic());
            }
        }
        assertThat(estimate.bestByAic().interactions()).isNotEmpty();
        // BIC penalises each parameter more than AIC here (log 2744 > 2), so it never keeps more interactions
        assertThat(estimate.bestByBic().interactions().size())
                .isLessThanOrEqualTo(estimate.bestByAic().interactions().size());
    }

    @Test
    void interactionOfListsThatShareNobodyIsReportedOnTheBoundaryWithoutANumber() {
        // in the UK table no one is on both the local authorities' (LA) and the general public's (GP) lists
        var estimate = estimation.estimate(MseFixtures.table("UKdat"));

        var row = estimate.models().stream()
                .filter(model -> model.interactions().equals(java.util.List.of("LA:GP")))
                .findFirst()
                .orElseThrow();
        assertThat(row.status()).isEqualTo(FitStatus.BOUNDARY);
        assertThat(row.total()).isNull();
        assertThat(row.problem()).contains("LA and GP share nobody");
    }

    @Test
    void sensitivityTableHoldsEverySingleInteractionModel() {
        var estimate = estimation.estimate(MseFixtures.table("Western"));

        long singles = estimate.models().stream()
                .filter(row -> !row.heterogeneity() && row.interactions().size() == 1)
                .count();
        assertThat(singles).isEqualTo(10); // 5 lists: 10 pairs
        assertThat(estimate.models().getFirst().model()).isEqualTo("main effects");
    }

    @Test
    void threeIndependentListsGiveTheClassicalEstimate() {
        // with no interaction the estimate from independent lists with capture probabilities p_i fitted
        // exactly reproduces the expected counts: 1000 people, p = 0.5, 0.4, 0.2
        String csv = """
                A,B,C,count
                1,0,0,240
                0,1,0,160
                0,0,1,60
                1,1,0,160
                1,0,1,60
                0,1,1,40
                1,1,1,40
                """;
        var estimate = estimation.estimate(ListOverlapTable.parse(new StringReader(csv)));

        assertThat(estimate.mainEffects().hidden()).isCloseTo(240, within(1e-6));
        assertThat(estimate.mainEffects().deviance()).isCloseTo(0, within(1e-8));
    }

    @Test
    void raschTypeModelRecoversTheHiddenNumberFromCountsThatFollowIt() {
        // expected counts of the homogeneous two-factor interaction model: 1024 hidden, list factors 0.5, 0.25,
        // 0.5 and a factor 2 per pair of lists a cell is on (a cell on all three lists is on three pairs: 8)
        String csv = """
                A,B,C,count
                1,0,0,512
                0,1,0,256
                0,0,1,512
                1,1,0,256
                1,0,1,512
                0,1,1,256
                1,1,1,512
                """;
        var estimate = estimation.estimate(ListOverlapTable.parse(new StringReader(csv)));

        assertThat(estimate.rasch().model()).isEqualTo("main effects + heterogeneity (Rasch)");
        assertThat(estimate.rasch().heterogeneity()).isTrue();
        assertThat(estimate.rasch().hidden()).isCloseTo(1024, within(1e-4));
        assertThat(estimate.rasch().deviance()).isCloseTo(0, within(1e-8));
        assertThat(estimate.rasch().df()).isEqualTo(2);
        // people on several lists are more frequent than independence predicts: the main-effects model misses
        // most of the hidden people
        assertThat(estimate.mainEffects().hidden()).isLessThan(600);
    }

    @Test
    void raschTypeIntervalLimitsAreWhereItsProfileLikelihoodDropsByTheChiSquaredQuantile() {
        var table = MseFixtures.table("Western");
        var estimate = estimation.estimate(table);
        var model = LogLinearModel.rasch(table.listCount());
        double best = model.fit(table).logLikelihood();

        assertThat(estimate.rasch().status()).isEqualTo(FitStatus.FITTED);
        assertThat(estimate.raschByAic().heterogeneity()).isTrue();
        assertThat(estimate.raschByAic().aic())
                .isLessThanOrEqualTo(estimate.rasch().aic());
        for (double limit :
                new double[] {estimate.rasch().hiddenLower(), estimate.rasch().hiddenUpper()}) {
            double profile = model.fitWithIntercept(table, Math.log(limit)).logLikelihood();
            assertThat(2 * (best - profile)).isCloseTo(3.8415, within(1e-3));
        }
    }

    @Test
    void mainEffectsModelThatCannotBeFittedIsRefused() {
        // list A and list C share everyone they hold with B, and B holds nobody alone: the estimate of the
        // hidden number would be infinite
        String csv = """
                A,B,C,count
                1,1,0,5
                0,1,1,5
                1,1,1,5
                """;
        assertThatThrownBy(() -> estimation.estimate(ListOverlapTable.parse(new StringReader(csv))))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("main-effects model cannot be estimated");
    }
}
