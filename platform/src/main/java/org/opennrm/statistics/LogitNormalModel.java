package org.opennrm.statistics;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The logit-normal heterogeneity model of Coull and Agresti (1999, "The use of mixed logit models to reflect
 * heterogeneity in capture-recapture studies", Biometrics 55): each person has a catchability z drawn from a standard
 * normal distribution, and list j records them with probability expit(alpha_j + sigma z), independently given z,
 * except for chosen pairs of lists that depend on each other directly (see {@link HeterogeneityModel}). The probability
 * of each combination of lists is the integral over z (the trapezoid rule, see {@link #REACH}).
 *
 * <p>Why beside the Rasch-type log-linear model: Darroch's quadratic term is an approximation of this model that holds
 * when the spread of catchability is small; with a few people whom every list records rarely, the exact model puts
 * more of them in the hidden cell and its profile likelihood is flatter above the estimate. It is one of the model
 * families that allow unequal recording in the recommended span ({@link HiddenNumberComparison}).
 *
 * <p>Written from the paper; Rcapture's {@code closedpCI.t(..., h = "Normal")} fits the same model and was not used.
 */
final class LogitNormalModel extends HeterogeneityModel {

    /**
     * The integral over z is the trapezoid rule on [-{@link #REACH}, {@link #REACH}] with a step of at most 0.5 and at
     * most 0.8 / sigma. For an integrand that is analytic in a strip around the real axis the trapezoid rule converges
     * geometrically; expit(a + sigma z) has its nearest poles at distance pi / sigma, so the step shrinks with sigma
     * (the tests compare with a fine integral to 1e-9 for sigma from 0.01 to 10). Gauss-Hermite with 40 nodes was
     * tried first and was off by 4e-5 at sigma = 3 for the same reason.
     */
    static final double REACH = 9;

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    static final double MAX_LOG_SIGMA = Math.log(10);
    /** Below this the spread is nothing (the model is the independence model). */
    static final double MIN_LOG_SIGMA = Math.log(1e-3);

    /**
     * @param interactions pairs {i, j} of lists that depend on each other directly (i < j)
     * @param timeUp asked at every evaluation of the likelihood; true ends the fit with {@link TimeUp}
     */
    LogitNormalModel(ListOverlapTable table, List<int[]> interactions, BooleanSupplier timeUp) {
        super(table, interactions, timeUp);
    }

    /** One parameter: the log of sigma. */
    @Override
    int mixing() {
        return 1;
    }

    @Override
    double[] mixingStart() {
        return new double[] {Math.log(0.5)};
    }

    @Override
    double[] mixingBounds(int side) {
        return new double[] {side < 0 ? MIN_LOG_SIGMA : MAX_LOG_SIGMA};
    }

    /** A sigma grown to its bound; a sigma at its lower bound is the independence model, a fit like any other. */
    @Override
    boolean mixingOnBoundary(double[] mixing) {
        return mixing[0] > MAX_LOG_SIGMA - 0.01;
    }

    /** A sigma at its upper bound; its lower bound is no spread at all, a natural one. */
    @Override
    boolean mixingAtSearchBound(double[] mixing) {
        return mixing[0] > MAX_LOG_SIGMA - 0.01;
    }

    /** Sigma. */
    @Override
    double spread(double[] mixing) {
        return Math.exp(mixing[0]);
    }

    @Override
    void mix(double[] base, double[] mixing, double[] pi) {
        double sigma = Math.exp(mixing[0]);
        double[] linear = new double[cells];
        double step = Math.min(0.5, 0.8 / sigma);
        int points = (int) Math.ceil(REACH / step);
        step = REACH / points;
        for (int k = -points; k <= points; k++) {
            double z = k * step;
            // the end points' half weights are below e^-40 and left out
            addShifted(base, sigma * z, step * Math.exp(-z * z / 2) / SQRT_2PI, pi, linear);
        }
    }
}
