package org.opennrm.prevention;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Design-based estimation from survey microdata with strata, clusters and design weights: the weighted mean (a
 * proportion for 0/1 values) and its variance by Taylor linearisation, clusters taken as drawn with replacement within
 * strata. This is the estimator of R's {@code survey} package for {@code svydesign(ids = ~cluster, strata = ~stratum,
 * weights = ~weight)} and {@code svymean} without a finite population correction: the linearised values
 * {@code z = w (y - mean) / sum(w)} are totalled per cluster, and the variance is the sum over strata of
 * {@code n_h / (n_h - 1)} times the squared deviations of the cluster totals from their stratum's mean.
 *
 * <p>The interval uses Student's t on clusters minus strata degrees of freedom (the {@code survey} package's
 * {@code degf}); {@code svymean}'s {@code confint} uses the normal quantile by default, so its intervals are a little
 * narrower for few clusters.
 */
final class SurveyDesign {

    /** Fewer respondents than this in a domain give no number: the estimate would mostly be noise. */
    static final int MINIMUM_RESPONDENTS = 30;

    /** Fewer clusters than this in a domain give no number: the variance would rest on too few. */
    static final int MINIMUM_CLUSTERS = 4;

    private SurveyDesign() {}

    static DesignEstimate mean(List<Respondent> respondents) {
        Map<String, Map<String, double[]>> strata = new TreeMap<>();
        double weights = 0;
        double weighted = 0;
        for (Respondent r : respondents) {
            weights += r.weight();
            weighted += r.weight() * r.value();
            strata.computeIfAbsent(r.stratum(), s -> new HashMap<>()).computeIfAbsent(r.cluster(), c -> new double[1]);
        }
        int clusters = strata.values().stream().mapToInt(Map::size).sum();
        if (respondents.size() < MINIMUM_RESPONDENTS) {
            return DesignEstimate.insufficient(
                    respondents.size() + " respondents; at least " + MINIMUM_RESPONDENTS + " are needed.",
                    respondents.size(),
                    clusters,
                    strata.size());
        }
        if (clusters < MINIMUM_CLUSTERS) {
            return DesignEstimate.insufficient(
                    clusters + " clusters; at least " + MINIMUM_CLUSTERS + " are needed.",
                    respondents.size(),
                    clusters,
                    strata.size());
        }
        for (var stratum : strata.entrySet()) {
            if (stratum.getValue().size() < 2) {
                return DesignEstimate.insufficient(
                        "Stratum " + stratum.getKey() + " has a single cluster: its variance cannot be estimated.",
                        respondents.size(),
                        clusters,
                        strata.size());
            }
        }
        double mean = weighted / weights;
        for (Respondent r : respondents) {
            strata.get(r.stratum()).get(r.cluster())[0] += r.weight() * (r.value() - mean) / weights;
        }
        double variance = 0;
        for (var stratum : strata.values()) {
            int n = stratum.size();
            double average =
                    stratum.values().stream().mapToDouble(total -> total[0]).sum() / n;
            double squares = stratum.values().stream()
                    .mapToDouble(total -> (total[0] - average) * (total[0] - average))
                    .sum();
            variance += n / (n - 1.0) * squares;
        }
        return DesignEstimate.of(mean, Math.sqrt(variance), respondents.size(), clusters, strata.size());
    }
}
