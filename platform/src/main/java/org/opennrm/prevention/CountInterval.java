package org.opennrm.prevention;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * The exact (Garwood) 95% interval of a Poisson count: how far the underlying rate may lie from a count of this
 * size by chance alone. Shown with small counts, where a quarter's ups and downs are mostly chance.
 */
record CountInterval(long count, double lower, double upper) {

    /** Below this a count's interval is shown beside it and the chart draws its band. */
    static final long SMALL = 30;

    static CountInterval of(long count) {
        double lower = count == 0 ? 0 : new ChiSquaredDistribution(2.0 * count).inverseCumulativeProbability(0.025) / 2;
        double upper = new ChiSquaredDistribution(2.0 * count + 2).inverseCumulativeProbability(0.975) / 2;
        return new CountInterval(count, lower, upper);
    }

    public boolean small() {
        return count < SMALL;
    }
}
