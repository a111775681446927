package org.opennrm.statistics;

/**
 * The posterior of the total under the latent-class model: its median and 95% credible interval (2.5% and 97.5%
 * quantiles of the kept draws), with what tells whether the chain can be trusted.
 *
 * @param observed people seen on at least one list
 * @param total posterior median of the total (people seen plus hidden)
 * @param totalLower 2.5% quantile of the total
 * @param totalUpper 97.5% quantile of the total
 * @param effectiveSampleSize effective number of independent draws of the total among the kept draws
 * @param occupiedClasses mean number of latent classes holding anyone, over the kept draws
 * @param unbounded whether draws reached {@link LatentClassModel#UNBOUNDED} times the people seen: the data do not
 *     bound the total
 * @param seconds how long the chain ran
 */
record LatentClassEstimate(
        long observed,
        double total,
        double totalLower,
        double totalUpper,
        double effectiveSampleSize,
        double occupiedClasses,
        boolean unbounded,
        int classes,
        int burnIn,
        int samples,
        int thinning,
        long seed,
        double seconds) {

    /** Fewer effective draws than this and the interval's limits are too noisy to publish. */
    static final double MINIMUM_EFFECTIVE_SAMPLE_SIZE = 100;

    double hidden() {
        return total - observed;
    }

    boolean mixedWell() {
        return effectiveSampleSize >= MINIMUM_EFFECTIVE_SAMPLE_SIZE;
    }
}
