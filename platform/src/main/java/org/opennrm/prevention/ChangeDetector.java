package org.opennrm.prevention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;

/**
 * Early warning of sudden shifts in a count series: Bayesian online change-point detection (Adams and MacKay,
 * 2007) in which each segment between change points follows its own local linear trend on the log scale.
 *
 * <p>Why this model: referral series grow for years (the UK's rose eightfold from 2014 to 2023), so a detector that
 * assumes a constant level (a Poisson rate, a plain CUSUM) flags the growth itself, quarter after quarter. A trend per
 * segment lets steady growth pass and flags what breaks it: a level that jumps or falls, or growth that turns. The
 * log scale makes sizes relative (a fall of 23% weighs the same at 100 as at 3,000) and the priors unit-free. The
 * segments' regression is conjugate (normal-inverse-gamma), so every prediction is an exact Student-t and the whole
 * run costs O(n²) for n periods: a 50-year monthly series in milliseconds. Each flag carries the posterior probability
 * that a new segment starts in its period, judged once the next period is known (so a change is flagged within one
 * period, and a single odd period that the next one contradicts is weighed as such).
 *
 * <p>Noise is learnt from the series itself (a robust spread of its period-to-period changes, never below the Poisson
 * noise of its typical count), so that small counts, which wander by chance, need larger moves to be flagged.
 * Seasonality is not modelled: the series it is meant for (quarterly NRM referrals) show little, and a seasonal
 * segment model needs several years per segment before it can judge anything.
 */
final class ChangeDetector {

    /** Settings with their reasons; {@link #STANDARD} is what the platform uses. */
    record Settings(
            int minimumPeriods, int baseline, double expectedSegmentLength, double threshold, double slopeSpread) {

        /**
         * Two years of quarters at least; a change is judged after four periods of the series (less cannot show a
         * trend and its noise); a change expected every ten years of quarters a priori; flagged at a posterior
         * probability of 0.5 (a change is then more likely than not); a new segment's trend a priori within about 5% per
         * period (a wider one lets a ramp over two periods explain a step away). These were chosen on simulated noise-only series and on the UK series (see the tests and
         * docs/prevention.md), not fitted to either's flags one by one.
         */
        static final Settings STANDARD = new Settings(8, 4, 40, 0.5, 0.05);
    }

    /** The log-scale offset: zero counts stay finite, and a count of one is not an outlier against zeros. */
    private static final double OFFSET = 0.5;

    /**
     * Prior shape of the noise variance, whose mean is the series' own noise estimate: worth 16 periods of evidence, so
     * that a segment's few points do not talk its noise down (which would flag the next ordinary period) or up.
     */
    private static final double NOISE_SHAPE = 8;

    /** The tail probability beyond which a move is within counting noise (see {@link #withinCountingNoise}). */
    private static final double COUNTING_TAIL = 0.005;

    /** A priori spread of a new segment's level around the last period's count, on the log scale (a factor of e). */
    private static final double LEVEL_SPREAD = 1.0;

    private final Settings settings;
    private final Map<Integer, TDistribution> students = new HashMap<>();

    ChangeDetector(Settings settings) {
        this.settings = settings;
    }

    ChangeDetector() {
        this(Settings.STANDARD);
    }

    Settings settings() {
        return settings;
    }

    /**
     * The flags of a series, oldest first.
     *
     * @throws SeriesTooShort when the series has fewer periods than the detector needs
     */
    List<ChangeFlag> detect(Series series) {
        int n = series.length();
        if (n < settings.minimumPeriods()) {
            throw new SeriesTooShort(n, settings.minimumPeriods());
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(series.value(i) >= 0) || Double.isInfinite(series.value(i))) {
                throw new IllegalArgumentException("Values must be counts of zero or more.");
            }
            y[i] = Math.log(series.value(i) + OFFSET);
        }
        double noise = noiseVariance(series.values(), y);
        Segment first = Segment.prior(median(y), noise, settings.slopeSpread());
        double logHazard = Math.log(1 / settings.expectedSegmentLength());
        double logStay = Math.log1p(-1 / settings.expectedSegmentLength());

        // alpha[t][s]: log P(the segment holding period t started at s, y[0..t])
        double[][] alpha = new double[n][];
        Segment[] segments = new Segment[n];
        double[] total = new double[n];
        double[][] expected = new double[n][];
        alpha[0] = new double[] {logPredictive(first, 0, y[0])};
        segments[0] = first.update(0, y[0]);
        total[0] = alpha[0][0];
        for (int t = 1; t < n; t++) {
            alpha[t] = new double[t + 1];
            expected[t] = new double[t];
            for (int s = 0; s < t; s++) {
                int age = t - s;
                alpha[t][s] = alpha[t - 1][s] + logStay + logPredictive(segments[s], age, y[t]);
                expected[t][s] = segments[s].location(age);
            }
            // a new segment starts near where the last period ended, within a factor of about e either way
            Segment prior = Segment.prior(y[t - 1], noise, settings.slopeSpread());
            alpha[t][t] = total[t - 1] + logHazard + logPredictive(prior, 0, y[t]);
            for (int s = 0; s < t; s++) {
                segments[s] = segments[s].update(t - s, y[t]);
            }
            segments[t] = prior.update(0, y[t]);
            total[t] = logSum(alpha[t]);
        }

        var flags = new ArrayList<ChangeFlag>();
        for (int t = settings.baseline(); t < n; t++) {
            boolean provisional = t == n - 1;
            double confidence = provisional ? Math.exp(alpha[t][t] - total[t]) : confirmed(alpha, total, t);
            if (confidence < settings.threshold()) {
                continue;
            }
            int before = argMax(alpha[t - 1]);
            double expectedCount = Math.max(0, Math.exp(expected[t][before]) - OFFSET);
            double observed = series.value(t);
            if (withinCountingNoise(observed, expectedCount)) {
                continue;
            }
            flags.add(new ChangeFlag(
                    series.period(t).toString(),
                    observed >= expectedCount ? ChangeFlag.Direction.UP : ChangeFlag.Direction.DOWN,
                    expectedCount > 0 ? (observed - expectedCount) / expectedCount : 0,
                    Math.min(1, confidence),
                    expectedCount,
                    observed,
                    provisional));
        }
        return flags;
    }

    /**
     * P(a segment starts at t | y[0..t+1]): the segment of t+1 started at t, or both t and t+1 started segments
     * (the latter's share of the mass with a change at t+1 is the posterior of a change at t given y[0..t]).
     */
    private static double confirmed(double[][] alpha, double[] total, int t) {
        double startedAtT = alpha[t + 1][t];
        double bothStarted = alpha[t + 1][t + 1] + alpha[t][t] - total[t];
        return Math.exp(logSum(new double[] {startedAtT, bothStarted}) - total[t + 1]);
    }

    /**
     * The noise variance on the log scale: the robust spread (median absolute deviation) of the period-to-period
     * changes, each of which carries twice the noise variance (a steady trend only shifts their median, which the
     * deviation ignores), and never below the Poisson noise of the median count. Leading zeros (a series that has not
     * begun: a form or a region not yet recorded) are left out of both, or they would make the noise look nil.
     */
    private static double noiseVariance(double[] counts, double[] y) {
        int first = 0;
        while (first < counts.length - 3 && counts[first] == 0) {
            first++;
        }
        double[] changes = new double[y.length - 1 - first];
        for (int i = first + 1; i < y.length; i++) {
            changes[i - 1 - first] = y[i] - y[i - 1];
        }
        double middle = median(changes);
        double[] deviations = new double[changes.length];
        for (int i = 0; i < changes.length; i++) {
            deviations[i] = Math.abs(changes[i] - middle);
        }
        double spread = median(deviations) / 0.6745;
        double typical = median(Arrays.copyOfRange(counts, first, counts.length));
        return Math.max(spread * spread / 2, poissonNoise(typical));
    }

    /**
     * The variance of log(X + 0.5) for a Poisson count X with the given mean: what chance alone moves a count of that
     * size on the log scale. Exact for the small counts where it matters (near zero the log stretches), 1/mean beyond.
     */
    static double poissonNoise(double mean) {
        if (mean > 10_000) {
            return 1 / mean;
        }
        if (mean <= 0) {
            return poissonNoise(OFFSET);
        }
        var poisson = new PoissonDistribution(mean);
        int last = (int) Math.ceil(mean + 12 * Math.sqrt(mean) + 20);
        double sum = 0;
        double squares = 0;
        for (int k = 0; k <= last; k++) {
            double p = poisson.probability(k);
            double value = Math.log(k + OFFSET);
            sum += p * value;
            squares += p * value * value;
        }
        return squares - sum * sum;
    }

    private double logPredictive(Segment segment, int age, double value) {
        double scale = segment.scale(age);
        var student = students.computeIfAbsent((int) Math.round(2 * segment.shape()), TDistribution::new);
        return student.logDensity((value - segment.location(age)) / scale) - Math.log(scale);
    }

    /**
     * Whether a count could be the expected one by counting chance alone (Poisson, 0.5% in either tail): a move from
     * 0 to 1, or from 3 to 8, is then not flagged however unusual it is for the series' own noise.
     */
    static boolean withinCountingNoise(double observed, double expected) {
        var poisson = new PoissonDistribution(Math.max(expected, OFFSET));
        long count = Math.round(observed);
        double tail = count >= expected
                ? 1 - poisson.cumulativeProbability((int) count - 1)
                : poisson.cumulativeProbability((int) count);
        return tail > COUNTING_TAIL;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double logSum(double[] values) {
        double max = Arrays.stream(values).max().orElse(Double.NEGATIVE_INFINITY);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }

    /**
     * The normal-inverse-gamma posterior of one segment's line {@code level + slope * age} on the log scale: precision
     * matrix {@code [p11 p12; p12 p22]} (in units of the noise variance), {@code eta} = precision times mean, and the
     * noise variance's inverse-gamma shape and rate.
     */
    private record Segment(double p11, double p12, double p22, double eta1, double eta2, double shape, double rate) {

        static Segment prior(double level, double noise, double slopeSpread) {
            double p11 = noise / (LEVEL_SPREAD * LEVEL_SPREAD);
            double p22 = noise / (slopeSpread * slopeSpread);
            return new Segment(p11, 0, p22, p11 * level, 0, NOISE_SHAPE, noise * (NOISE_SHAPE - 1));
        }

        double meanLevel() {
            return (p22 * eta1 - p12 * eta2) / determinant();
        }

        double meanSlope() {
            return (p11 * eta2 - p12 * eta1) / determinant();
        }

        private double determinant() {
            return p11 * p22 - p12 * p12;
        }

        double location(int age) {
            return meanLevel() + meanSlope() * age;
        }

        /** The Student-t scale of the next value: noise plus the uncertainty of the line at {@code age}. */
        double scale(int age) {
            double leverage = (p22 - 2 * p12 * age + p11 * age * age) / determinant();
            return Math.sqrt(rate / shape * (1 + leverage));
        }

        Segment update(int age, double value) {
            double before = meanLevel() * eta1 + meanSlope() * eta2;
            var next = new Segment(
                    p11 + 1, p12 + age, p22 + (double) age * age, eta1 + value, eta2 + age * value, shape + 0.5, rate);
            double after = next.meanLevel() * next.eta1 + next.meanSlope() * next.eta2;
            return new Segment(
                    next.p11,
                    next.p12,
                    next.p22,
                    next.eta1,
                    next.eta2,
                    next.shape,
                    rate + 0.5 * (value * value + before - after));
        }
    }
}
