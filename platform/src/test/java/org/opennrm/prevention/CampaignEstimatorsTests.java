package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/**
 * The campaign estimators: the design-based interval checked by hand on a small design (no R here to run the
 * {@code survey} package once, so the reference is the formula worked through in this file), and the
 * difference in differences on simulated survey waves with a known effect.
 */
class CampaignEstimatorsTests {

    static List<Respondent> cluster(String stratum, String cluster, int respondents, int yes, double weight) {
        var list = new ArrayList<Respondent>();
        for (int i = 0; i < respondents; i++) {
            list.add(new Respondent(stratum, cluster, weight, i < yes ? 1 : 0));
        }
        return list;
    }

    /**
     * Two strata of two clusters of ten: A (weight 1) with 6 and 4 who know, B (weight 2) with 5 and 9. By hand: W = 60,
     * mean = (10 + 2 x 14) / 60 = 0.63333. Cluster totals of z = w (y - mean) / W: a1 = (6 - 6.3333) / 60 = -0.0055556,
     * a2 = (4 - 6.3333) / 60 = -0.0388889, b1 = 2 (5 - 6.3333) / 60 = -0.0444444, b2 = 2 (9 - 6.3333) / 60 = 0.0888889.
     * Stratum A: mean -0.0222222, squared deviations 2 x 0.0166667^2, times n/(n-1) = 2: 0.0011111. Stratum B: mean
     * 0.0222222, 2 x 0.0666667^2 x 2 = 0.0177778. Variance 0.0188889, standard error 0.137437; t on 4 - 2 = 2 degrees of
     * freedom is 4.302653, so the interval is 0.63333 -/+ 0.591341.
     */
    @Test
    void theDesignBasedIntervalOfASmallDesignIsTheOneWorkedByHand() {
        var respondents = new ArrayList<Respondent>();
        respondents.addAll(cluster("A", "a1", 10, 6, 1));
        respondents.addAll(cluster("A", "a2", 10, 4, 1));
        respondents.addAll(cluster("B", "b1", 10, 5, 2));
        respondents.addAll(cluster("B", "b2", 10, 9, 2));

        DesignEstimate estimate = SurveyDesign.mean(respondents);

        assertThat(estimate.estimate()).isCloseTo(0.633333, within(1e-6));
        assertThat(estimate.standardError()).isCloseTo(0.137437, within(1e-6));
        assertThat(estimate.degreesOfFreedom()).isEqualTo(2);
        assertThat(estimate.lower()).isCloseTo(0.633333 - 0.591341, within(1e-5));
        assertThat(estimate.upper()).isCloseTo(0.633333 + 0.591341, within(1e-5));
    }

    @Test
    void tooLittleDataGivesAReasonInsteadOfANumber() {
        assertThat(SurveyDesign.mean(cluster("A", "a1", 12, 6, 1)).insufficient())
                .contains("12 respondents");
        var oneCluster = new ArrayList<Respondent>();
        oneCluster.addAll(cluster("A", "a1", 20, 6, 1));
        oneCluster.addAll(cluster("A", "a2", 20, 6, 1));
        oneCluster.addAll(cluster("B", "b1", 20, 6, 1));
        oneCluster.addAll(cluster("C", "c1", 20, 6, 1));
        assertThat(SurveyDesign.mean(oneCluster).insufficient()).contains("single cluster");
        assertThat(SurveyDesign.mean(oneCluster).available()).isFalse();
    }

    /**
     * Synthetic survey waves: four campaign and four comparison regions (strata), twelve villages (clusters) drawn per
     * region and wave, twenty respondents each, weights differing by region; each village's share who know how to
     * report varies around its region's (a cluster effect of +/- 8 points). Before the campaign 40% know everywhere;
     * after it, +3 points everywhere (a common trend) and +8 points more in campaign regions: the effect is 8 points.
     */
    @Test
    void theDifferenceInDifferencesFindsAKnownEffectAndItsIntervalsCoverIt() {
        var random = new RandomDataGenerator(20260622L);
        int runs = 600;
        double effect = 0.08;
        double sumError = 0;
        int covered = 0;
        for (int run = 0; run < runs; run++) {
            var did = DifferenceInDifferences.of(
                    SurveyDesign.mean(wave(random, "campaign", 0.40)),
                    SurveyDesign.mean(wave(random, "campaign", 0.40 + 0.03 + effect)),
                    SurveyDesign.mean(wave(random, "comparison", 0.40)),
                    SurveyDesign.mean(wave(random, "comparison", 0.40 + 0.03)));
            sumError += did.effect() - effect;
            covered += did.lower() <= effect && effect <= did.upper() ? 1 : 0;
        }
        double bias = sumError / runs;
        double coverage = covered / (double) runs;
        System.out.printf(
                "Difference in differences over %d simulated panels: mean error %+.4f (points: %+.2f), 95%% interval"
                        + " coverage %.1f%%%n",
                runs, bias, 100 * bias, 100 * coverage);
        assertThat(Math.abs(bias)).isLessThan(0.01);
        assertThat(coverage).isGreaterThanOrEqualTo(0.93);
    }

    static List<Respondent> wave(RandomDataGenerator random, String group, double share) {
        var respondents = new ArrayList<Respondent>();
        for (int region = 0; region < 4; region++) {
            double weight = 50 + 25 * region;
            for (int village = 0; village < 12; village++) {
                double villageShare = Math.min(1, Math.max(0, share + random.nextUniform(-0.08, 0.08)));
                String cluster = group + "-" + region + "-" + village;
                for (int person = 0; person < 20; person++) {
                    respondents.add(new Respondent(
                            group + "-" + region, cluster, weight, random.nextUniform(0, 1) < villageShare ? 1 : 0));
                }
            }
        }
        return respondents;
    }
}
