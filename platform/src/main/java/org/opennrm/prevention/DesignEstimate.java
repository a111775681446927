package org.opennrm.prevention;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A design-based estimate of a mean or proportion with its standard error (Taylor linearisation) and 95% interval
 * on {@code degreesOfFreedom} = clusters - strata; or, when the data are too few, no number and the reason.
 */
record DesignEstimate(
        double estimate,
        double standardError,
        int respondents,
        int clusters,
        int strata,
        int degreesOfFreedom,
        double lower,
        double upper,
        String insufficient) {

    static DesignEstimate of(double estimate, double standardError, int respondents, int clusters, int strata) {
        int df = clusters - strata;
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        return new DesignEstimate(
                estimate,
                standardError,
                respondents,
                clusters,
                strata,
                df,
                estimate - t * standardError,
                estimate + t * standardError,
                null);
    }

    static DesignEstimate insufficient(String reason, int respondents, int clusters, int strata) {
        return new DesignEstimate(
                Double.NaN, Double.NaN, respondents, clusters, strata, 0, Double.NaN, Double.NaN, reason);
    }

    public boolean available() {
        return insufficient == null;
    }
}
