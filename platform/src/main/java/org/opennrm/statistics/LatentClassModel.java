package org.opennrm.statistics;

import java.util.Arrays;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The Bayesian latent-class model of the hidden number (Manrique-Vallier 2016, "Bayesian population size estimation
 * using Dirichlet process mixtures", Biometrics 72(4)), written from the paper: the population is a mixture of
 * latent classes, and within a class each list records a person independently with its own probability, so people
 * may be unequally likely to be recorded (heterogeneity) and lists may look dependent overall. The mixture weights
 * follow a truncated stick-breaking Dirichlet process with {@code classes} sticks and a Gamma(0.25, 0.25)
 * concentration; each list's probability in each class has a Beta(1, 1) prior; the population size has the prior
 * p(N) proportional to 1/N.
 *
 * <p>The Gibbs sampler augments the data with the class of every person and with the number of people on no list:
 * (1) the classes of the people in each observed cell, and of the hidden people, are drawn as multinomial counts
 * (people in one cell are exchangeable, so the counts carry everything the individual labels would); (2) each list's
 * probability per class from its Beta full conditional; (3) the sticks from their Beta full conditionals; (4) the
 * concentration from its Gamma full conditional; (5) the hidden number from its negative binomial full conditional
 * given the probability of being on no list. The random numbers come from a seeded Well19937c generator, so the same
 * table, settings and seed give the same draws.
 */
final class LatentClassModel {

    /** Beta(1, 1) prior of each list's probability in each class. */
    static final double LIST_PRIOR = 1.0;
    /** Gamma(0.25, 0.25) prior (shape, rate) of the Dirichlet process concentration, as in the paper. */
    static final double CONCENTRATION_SHAPE = 0.25;

    static final double CONCENTRATION_RATE = 0.25;
    /** A hidden number beyond this many times the people seen is taken as unbounded by the data. */
    static final double UNBOUNDED = 1_000;
    /** Cells with at most this many people get one categorical draw per person instead of binomials per class. */
    static final int SMALL_CELL = 32;

    /**
     * How the chain is run.
     *
     * @param classes number of latent classes of the truncated stick-breaking process (K*)
     * @param burnIn iterations discarded before the first kept draw
     * @param samples draws kept for the posterior
     * @param thinning iterations between two kept draws
     * @param seed seed of the random generator
     */
    record Settings(int classes, int burnIn, int samples, int thinning, long seed) {

        static final int MAX_ITERATIONS = 5_000_000;

        Settings {
            if (classes < 2 || classes > 50) {
                throw new MseInputInvalid(
                        "statistics.jobs.refused.classes",
                        "The latent-class model needs between 2 and 50 classes; " + classes + " were asked for.",
                        classes);
            }
            if (burnIn < 0 || samples < 100 || thinning < 1) {
                throw new MseInputInvalid(
                        "statistics.jobs.refused.chain",
                        "The latent-class model needs a burn-in of 0 or more, at least 100 kept draws and a thinning"
                                + " of 1 or more.");
            }
            if ((long) burnIn + (long) samples * thinning > MAX_ITERATIONS) {
                throw new MseInputInvalid(
                        "statistics.jobs.refused.iterations",
                        "The latent-class model would run more than " + MAX_ITERATIONS + " iterations.",
                        MAX_ITERATIONS);
            }
        }

        long iterations() {
            return burnIn + (long) samples * thinning;
        }
    }

    /** Told of the chain's progress; may throw to stop it (a time limit, say). */
    interface Monitor {
        Monitor NONE = (done, total) -> {};

        void progress(long done, long total);
    }

    private final ListOverlapTable table;
    private final Settings settings;
    private final RandomDataGenerator random;
    private final int lists;
    private final int classes;
    private final long observed;

    private final double[][] onList; // [class][list] probability of being on the list
    private final double[] weights; // [class]
    private final double[] sticks; // [class]
    private double concentration = 1;
    private long hidden;

    private final long[] classSize;
    private final long[][] classOnList;
    private final double[] cellWeight;

    LatentClassModel(ListOverlapTable table, Settings settings) {
        this.table = table;
        this.settings = settings;
        this.random = RandomDataGenerator.of(new Well19937c(settings.seed()));
        this.lists = table.listCount();
        this.classes = settings.classes();
        this.observed = table.observed();
        if (observed == 0) {
            throw ListOverlapTable.countsNobody();
        }
        onList = new double[classes][lists];
        weights = new double[classes];
        sticks = new double[classes];
        classSize = new long[classes];
        classOnList = new long[classes][lists];
        cellWeight = new double[classes];
    }

    /** Runs the chain and summarises the posterior of the total (people seen plus hidden). */
    LatentClassEstimate fit(Monitor monitor) {
        long start = System.nanoTime();
        initialise();
        long total = settings.iterations();
        double[] draws = new double[settings.samples()];
        double occupied = 0;
        int kept = 0;
        long reportEvery = Math.max(1, total / 200);
        for (long iteration = 1; iteration <= total; iteration++) {
            step();
            if (iteration > settings.burnIn() && (iteration - settings.burnIn()) % settings.thinning() == 0) {
                draws[kept++] = observed + (double) hidden;
                occupied += occupiedClasses();
            }
            if (iteration % reportEvery == 0 || iteration == total) {
                monitor.progress(iteration, total);
            }
        }
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        boolean unbounded = sorted[sorted.length - 1] >= observed * UNBOUNDED;
        return new LatentClassEstimate(
                observed,
                quantile(sorted, 0.5),
                quantile(sorted, 0.025),
                quantile(sorted, 0.975),
                effectiveSampleSize(draws),
                occupied / kept,
                unbounded,
                settings.classes(),
                settings.burnIn(),
                settings.samples(),
                settings.thinning(),
                settings.seed(),
                (System.nanoTime() - start) / 1e9);
    }

    private void initialise() {
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < lists; j++) {
                onList[k][j] = random.nextBeta(LIST_PRIOR, LIST_PRIOR);
            }
            weights[k] = 1.0 / classes;
        }
        hidden = observed;
    }

    private void step() {
        // (1) classes of the people in each cell, the hidden cell included
        Arrays.fill(classSize, 0);
        for (long[] row : classOnList) {
            Arrays.fill(row, 0);
        }
        for (int cell = 0; cell < table.counts().length; cell++) {
            long count = cell == 0 ? hidden : table.count(cell);
            if (count == 0) {
                continue;
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double w = weights[k];
                for (int j = 0; j < lists; j++) {
                    w *= (cell & (1 << j)) != 0 ? onList[k][j] : 1 - onList[k][j];
                }
                cellWeight[k] = w;
                sum += w;
            }
            if (count <= SMALL_CELL) {
                // few people: one categorical draw each is cheaper than a binomial per class
                for (long person = 0; person < count; person++) {
                    double u = random.nextDouble() * sum;
                    int k = 0;
                    while (k < classes - 1 && u >= cellWeight[k]) {
                        u -= cellWeight[k];
                        k++;
                    }
                    classSize[k]++;
                    for (int j = 0; j < lists; j++) {
                        if ((cell & (1 << j)) != 0) {
                            classOnList[k][j]++;
                        }
                    }
                }
                continue;
            }
            long left = count;
            for (int k = 0; k < classes && left > 0; k++) {
                long inClass;
                if (k == classes - 1 || sum <= 0) {
                    inClass = left;
                } else {
                    inClass = binomial(left, Math.min(1, cellWeight[k] / sum));
                }
                sum -= cellWeight[k];
                left -= inClass;
                if (inClass > 0) {
                    classSize[k] += inClass;
                    for (int j = 0; j < lists; j++) {
                        if ((cell & (1 << j)) != 0) {
                            classOnList[k][j] += inClass;
                        }
                    }
                }
            }
        }
        // (2) each list's probability in each class
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < lists; j++) {
                onList[k][j] =
                        random.nextBeta(LIST_PRIOR + classOnList[k][j], LIST_PRIOR + classSize[k] - classOnList[k][j]);
            }
        }
        // (3) the sticks and the weights; (4) the concentration
        long after = 0;
        for (int k = 0; k < classes; k++) {
            after += classSize[k];
        }
        double remaining = 1;
        double logRest = 0;
        for (int k = 0; k < classes; k++) {
            after -= classSize[k];
            if (k == classes - 1) {
                sticks[k] = 1;
            } else {
                sticks[k] = Math.min(random.nextBeta(1.0 + classSize[k], concentration + after), 1 - 1e-12);
                logRest += Math.log1p(-sticks[k]);
            }
            weights[k] = remaining * sticks[k];
            remaining *= 1 - sticks[k];
        }
        concentration = random.nextGamma(CONCENTRATION_SHAPE + classes - 1, 1 / (CONCENTRATION_RATE - logRest));
        concentration = Math.max(concentration, 1e-8);
        // (5) the hidden number given the probability of being on no list: negative binomial (prior 1/N)
        double none = 0;
        for (int k = 0; k < classes; k++) {
            double w = weights[k];
            for (int j = 0; j < lists; j++) {
                w *= 1 - onList[k][j];
            }
            none += w;
        }
        none = Math.min(none, 1 - 1e-12);
        double mean = random.nextGamma(observed, none / (1 - none));
        double cap = observed * UNBOUNDED * 10;
        hidden = mean >= cap ? (long) cap : poisson(mean);
    }

    private long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < Integer.MAX_VALUE / 2.0) {
            return random.nextPoisson(mean);
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }

    /**
     * Binomial(n, p) by order statistics (Knuth, TAOCP 3.4.1): the i-th smallest of n uniforms is Beta(i, n + 1 - i),
     * which splits the problem in half until a few Bernoulli trials are left; exact, and fast for large n.
     */
    long binomial(long n, double p) {
        long result = 0;
        while (n > 24) {
            if (p <= 0) {
                return result;
            }
            if (p >= 1) {
                return result + n;
            }
            long i = n / 2 + 1;
            double b = random.nextBeta(i, n + 1 - i);
            if (p < b) {
                n = i - 1;
                p = p / b;
            } else {
                result += i;
                n -= i;
                p = (p - b) / (1 - b);
            }
        }
        return result + smallBinomial((int) n, p);
    }

    /** Binomial(n, p) for n of at most a few dozen, by inversion of the distribution function (one uniform). */
    private long smallBinomial(int n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - smallBinomial(n, 1 - p);
        }
        double q = 1 - p;
        double ratio = p / q;
        double f = Math.pow(q, n);
        double u = random.nextDouble();
        int x = 0;
        while (u > f && x < n) {
            u -= f;
            f *= ratio * (n - x) / (x + 1);
            x++;
        }
        return x;
    }

    private int occupiedClasses() {
        int occupied = 0;
        for (long size : classSize) {
            if (size > 0) {
                occupied++;
            }
        }
        return occupied;
    }

    static double quantile(double[] sorted, double probability) {
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * Effective sample size of the kept draws by Geyer's initial positive sequence: the autocorrelations are summed in
     * pairs while a pair's sum stays positive. A chain that does not move has an effective sample size of 0 here
     * rather than NaN.
     */
    static double effectiveSampleSize(double[] draws) {
        int n = draws.length;
        double mean = 0;
        for (double d : draws) {
            mean += d;
        }
        mean /= n;
        double variance = 0;
        for (double d : draws) {
            variance += (d - mean) * (d - mean);
        }
        variance /= n;
        if (variance <= 0) {
            return 0;
        }
        double sum = 0;
        for (int lag = 1; lag + 1 < n; lag += 2) {
            double pair = autocorrelation(draws, mean, variance, lag) + autocorrelation(draws, mean, variance, lag + 1);
            if (pair <= 0) {
                break;
            }
            sum += pair;
        }
        double tau = 1 + 2 * sum; // integrated autocorrelation time
        return Math.min(n, n / tau);
    }

    private static double autocorrelation(double[] draws, double mean, double variance, int lag) {
        double sum = 0;
        for (int i = 0; i + lag < draws.length; i++) {
            sum += (draws[i] - mean) * (draws[i + lag] - mean);
        }
        return sum / draws.length / variance;
    }
}
