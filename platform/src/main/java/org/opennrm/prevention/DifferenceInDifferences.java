package org.opennrm.prevention;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The campaign's effect as a difference in differences: the change in the campaign regions minus the change in the
 * comparison regions over the same time, from four independent survey samples (before and after, with and without
 * the campaign). Its variance is the sum of the four design-based variances; the interval uses Student's t on the
 * smallest of the four samples' degrees of freedom, which errs on the wide side.
 *
 * <p>What it assumes, and the result page says: without the campaign both kinds of region would have changed alike
 * (parallel trends), and nothing else that differs between them happened in between.
 */
record DifferenceInDifferences(
        double effect,
        double standardError,
        double lower,
        double upper,
        double campaignChange,
        double comparisonChange,
        int degreesOfFreedom) {

    static DifferenceInDifferences of(
            DesignEstimate campaignBefore,
            DesignEstimate campaignAfter,
            DesignEstimate comparisonBefore,
            DesignEstimate comparisonAfter) {
        for (DesignEstimate estimate :
                new DesignEstimate[] {campaignBefore, campaignAfter, comparisonBefore, comparisonAfter}) {
            if (!estimate.available()) {
                throw new IllegalArgumentException("an estimate is missing: " + estimate.insufficient());
            }
        }
        double campaignChange = campaignAfter.estimate() - campaignBefore.estimate();
        double comparisonChange = comparisonAfter.estimate() - comparisonBefore.estimate();
        double effect = campaignChange - comparisonChange;
        double se = Math.sqrt(square(campaignBefore.standardError())
                + square(campaignAfter.standardError())
                + square(comparisonBefore.standardError())
                + square(comparisonAfter.standardError()));
        int df = Math.min(
                Math.min(campaignBefore.degreesOfFreedom(), campaignAfter.degreesOfFreedom()),
                Math.min(comparisonBefore.degreesOfFreedom(), comparisonAfter.degreesOfFreedom()));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        return new DifferenceInDifferences(
                effect, se, effect - t * se, effect + t * se, campaignChange, comparisonChange, df);
    }

    private static double square(double x) {
        return x * x;
    }
}
