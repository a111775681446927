package org.opennrm.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.special.Gamma;

/**
 * The logit-normal heterogeneity model of Coull and Agresti (1999, "The use of mixed logit models to reflect
 * heterogeneity in capture-recapture studies", Biometrics 55): each person has a catchability z drawn from a standard
 * normal distribution, and list j records them with probability expit(alpha_j + sigma z), independently given z,
 * except for chosen pairs of lists that depend on each other directly (a log-linear term gamma on being on both,
 * conditional on z). The probability of each combination of lists is the integral over z (the trapezoid rule, see
 * {@link #REACH}); the number of people is estimated by maximum likelihood (the multinomial likelihood with the total N as
 * a parameter), and its 95% interval by the profile likelihood of N.
 *
 * <p>Why beside the Rasch-type log-linear model: Darroch's quadratic term is an approximation of this model that holds
 * when the spread of catchability is small; with a few people whom every list records rarely, the exact model puts
 * more of them in the hidden cell and its profile likelihood is flatter above the estimate. It is the third model
 * family that allows unequal recording in the recommended span ({@link HiddenNumberComparison}).
 *
 * <p>Written from the paper; Rcapture's {@code closedpCI.t(..., h = "Normal")} fits the same model and was not used.
 */
final class LogitNormalModel {

    /**
     * The integral over z is the trapezoid rule on [-{@link #REACH}, {@link #REACH}] with a step of at most 0.5 and at
     * most 0.8 / sigma. For an integrand that is analytic in a strip around the real axis the trapezoid rule converges
     * geometrically; expit(a + sigma z) has its nearest poles at distance pi / sigma, so the step shrinks with sigma
     * (the tests compare with a fine integral to 1e-9 for sigma from 0.01 to 10). Gauss-Hermite with 40 nodes was
     * tried first and was off by 4e-5 at sigma = 3 for the same reason.
     */
    static final double REACH = 9;

    /** Evaluations of the likelihood allowed to one search; beyond them the fit is reported as not converged. */
    static final int MAX_EVALUATIONS = 100_000;

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    /** Twice the drop of the profile log-likelihood at the limits of the 95% interval. */
    private static final double QUANTILE =
            new ChiSquaredDistribution(1).inverseCumulativeProbability(MultipleSystemsEstimation.CONFIDENCE);

    /** Tables of more lists are not fitted: 2^k cells times the quadrature points at every step of the search. */
    static final int MAX_LISTS = 8;

    static final double MAX_LOG_SIGMA = Math.log(10);
    /** Below this the spread is nothing (the model is the independence model). */
    static final double MIN_LOG_SIGMA = Math.log(1e-3);

    static final double MAX_EFFECT = 15;
    /** How far (on the log scale of the hidden number) the interval search goes before calling a limit open. */
    static final double SEARCH = 12;

    private final ListOverlapTable table;
    private final List<int[]> interactions;
    private final int lists;
    private final int cells;
    private final long observed;
    private final int[] on;

    private final BooleanSupplier timeUp;

    /** Thrown out of {@link #fit()} as soon as {@code timeUp} says so: the search is not interrupted otherwise. */
    static final class TimeUp extends RuntimeException {
        TimeUp() {
            super("stopped at the time limit", null, false, false);
        }
    }

    /**
     * @param interactions pairs {i, j} of lists that depend on each other directly (i < j)
     * @param timeUp asked at every evaluation of the likelihood; true ends the fit with {@link TimeUp}
     */
    LogitNormalModel(ListOverlapTable table, List<int[]> interactions, BooleanSupplier timeUp) {
        this.timeUp = timeUp;
        this.table = table;
        this.interactions = List.copyOf(interactions);
        this.lists = table.listCount();
        this.cells = 1 << lists;
        this.observed = table.observed();
        this.on = new int[cells];
        for (int cell = 0; cell < cells; cell++) {
            on[cell] = Integer.bitCount(cell);
        }
    }

    /** Number of parameters: one per list, the spread, one per interaction, and N. */
    int parameters() {
        return dimension() + 1;
    }

    /**
     * The fitted model: the hidden number, its interval (upper limit NaN when open) and the spread sigma;
     * {@code status} other than FITTED when the maximum is on a boundary or the search failed. {@code deviance} and
     * {@code logLikelihood} are those of the observed cells as Poisson counts with means N x pi(cell), the scale of the
     * log-linear models' fits, so that AIC and BIC compare with theirs.
     */
    record Fit(
            FitStatus status,
            double hidden,
            double hiddenLower,
            double hiddenUpper,
            double sigma,
            double deviance,
            double logLikelihood) {

        static Fit failed(FitStatus status) {
            return new Fit(status, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    Fit fit() {
        // the maximum over N for given theta is close to n / (1 - pi0); the search runs on log(hidden) jointly
        double[] start = new double[dimension() + 1];
        for (int j = 0; j < lists; j++) {
            long onList = 0;
            for (int cell = 1; cell < cells; cell++) {
                if ((cell >> j & 1) == 1) {
                    onList += table.count(cell);
                }
            }
            double share = Math.clamp((onList + 0.5) / (observed + 1.0), 0.01, 0.99);
            start[j] = Math.log(share / (1 - share)) - 0.5;
        }
        start[lists] = Math.log(0.5);
        start[dimension()] = Math.log(Math.max(1, observed));
        double[] lowerBounds = bounds(-1, Math.log(0.01));
        double[] upperBounds = bounds(+1, Math.log(observed) + SEARCH);
        double[] best;
        try {
            best = optimise(
                    start, lowerBounds, upperBounds, 0.5, theta -> logLikelihood(theta, Math.exp(theta[dimension()])));
        } catch (MathIllegalStateException e) {
            return Fit.failed(FitStatus.NOT_CONVERGED);
        }
        double logHidden = best[dimension()];
        double maximum = logLikelihood(best, Math.exp(logHidden));
        if (logHidden > upperBounds[dimension()] - 0.5 || onBoundary(best)) {
            return Fit.failed(FitStatus.BOUNDARY);
        }
        double[] theta = Arrays.copyOf(best, dimension());
        double lower = limit(theta, logHidden, maximum, -1);
        double upper = limit(theta, logHidden, maximum, +1);
        double[] pi = probabilities(theta);
        double total = observed + Math.exp(logHidden);
        double deviance = 0;
        double poisson = 0;
        for (int cell = 1; cell < cells; cell++) {
            double y = table.count(cell);
            double mu = total * pi[cell];
            deviance += 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu));
            poisson += (y > 0 ? y * Math.log(mu) : 0) - mu - Gamma.logGamma(y + 1);
        }
        return new Fit(
                FitStatus.FITTED,
                Math.exp(logHidden),
                Double.isNaN(lower) ? 0 : Math.exp(lower),
                Double.isNaN(upper) ? Double.NaN : Math.exp(upper),
                Math.exp(theta[lists]),
                deviance,
                poisson);
    }

    /** Parameters other than N: one per list, the spread, one per interaction. */
    private int dimension() {
        return lists + 1 + interactions.size();
    }

    private double[] bounds(int side, double logHidden) {
        double[] bounds = new double[dimension() + 1];
        for (int j = 0; j < lists; j++) {
            bounds[j] = side * MAX_EFFECT;
        }
        bounds[lists] = side < 0 ? MIN_LOG_SIGMA : MAX_LOG_SIGMA;
        for (int m = 0; m < interactions.size(); m++) {
            bounds[lists + 1 + m] = side * LogLinearModel.BOUNDARY / 2;
        }
        bounds[dimension()] = logHidden;
        return bounds;
    }

    private boolean onBoundary(double[] theta) {
        for (int j = 0; j < lists; j++) {
            if (Math.abs(theta[j]) > MAX_EFFECT - 0.01) {
                return true;
            }
        }
        for (int m = 0; m < interactions.size(); m++) {
            if (Math.abs(theta[lists + 1 + m]) > LogLinearModel.BOUNDARY / 2 - 0.01) {
                return true;
            }
        }
        return theta[lists] > MAX_LOG_SIGMA - 0.01;
    }

    /** The log of hidden where the profile log-likelihood has dropped by half the chi-squared(1) quantile; NaN if open. */
    private double limit(double[] theta, double logHidden, double maximum, int direction) {
        // Walk out from the estimate, each point's search started from the last point inside the interval, until the
        // drop exceeds the quantile; then Brent's method between the two, every search started from that same inside
        // point, so that the function it solves gives the same value for the same argument.
        double[] atInside = theta;
        double inside = logHidden;
        double step = 0.05;
        double outside = logHidden + direction * step;
        while (true) {
            double hidden = Math.exp(outside);
            double[] at = profile(atInside, hidden);
            if (2 * (maximum - logLikelihood(at, hidden)) - QUANTILE >= 0) {
                break;
            }
            atInside = at;
            inside = outside;
            step *= 1.6;
            outside = logHidden + direction * step;
            if (step > SEARCH || outside < Math.log(1e-3)) {
                return Double.NaN;
            }
        }
        double[] from = atInside;
        DoubleUnaryOperator drop =
                h -> 2 * (maximum - logLikelihood(profile(from, Math.exp(h)), Math.exp(h))) - QUANTILE;
        try {
            return new BrentSolver(1e-4)
                    .solve(100, drop::applyAsDouble, Math.min(inside, outside), Math.max(inside, outside));
        } catch (MathIllegalArgumentException | MathIllegalStateException e) {
            // the profile is not monotone between the two points (a search found a lower maximum): keep the outer
            // point, which widens the interval rather than narrowing it
            return outside;
        }
    }

    /** The parameters that maximise the likelihood with the hidden number held at {@code hidden}. */
    private double[] profile(double[] start, double hidden) {
        double[] lower = Arrays.copyOf(bounds(-1, 0), dimension());
        double[] upper = Arrays.copyOf(bounds(+1, 0), dimension());
        double[] inside = start.clone();
        for (int i = 0; i < inside.length; i++) {
            inside[i] = Math.clamp(inside[i], lower[i] + 1e-6, upper[i] - 1e-6);
        }
        try {
            // started from the neighbouring point of the profile, a small first trust region is enough
            return optimise(inside, lower, upper, 0.1, theta -> logLikelihood(theta, hidden));
        } catch (MathIllegalStateException e) {
            return start;
        }
    }

    /**
     * BOBYQA (Powell's bounded derivative-free trust-region method, from Hipparchus), stopping when the trust region is
     * 1e-7 across. A looser stop (1e-5) moved the upper limit on a sparse table (NewOrl) by a third: where the profile
     * is flat, the limit depends on how closely each point is maximised.
     */
    private static double[] optimise(
            double[] start, double[] lower, double[] upper, double radius, ToDoubleFunction<double[]> function) {
        var optimizer = new BOBYQAOptimizer(2 * start.length + 1, radius, 1e-7);
        var result = optimizer.optimize(
                new MaxEval(MAX_EVALUATIONS),
                new ObjectiveFunction(function::applyAsDouble),
                GoalType.MAXIMIZE,
                new InitialGuess(start),
                new SimpleBounds(lower, upper));
        return result.getPoint();
    }

    /**
     * The log-likelihood of the table with {@code hidden} people on no list: log N!/(N - n)! + sum over seen cells of
     * count x log pi(cell) + hidden x log pi(0), with N = n + hidden (the constant sum of log count! left out).
     */
    double logLikelihood(double[] theta, double hidden) {
        if (timeUp.getAsBoolean()) {
            throw new TimeUp();
        }
        double[] pi = probabilities(theta);
        double total = observed + hidden;
        double value = Gamma.logGamma(total + 1) - Gamma.logGamma(hidden + 1) + hidden * Math.log(pi[0]);
        for (int cell = 1; cell < cells; cell++) {
            long count = table.count(cell);
            if (count > 0) {
                value += count * Math.log(pi[cell]);
            }
        }
        return Double.isFinite(value) ? value : -1e300;
    }

    /** The probability of each combination of lists (cell 0: on none), integrated over catchability. */
    double[] probabilities(double[] theta) {
        double sigma = Math.exp(theta[lists]);
        double[] base = new double[cells];
        for (int cell = 1; cell < cells; cell++) {
            int low = Integer.numberOfTrailingZeros(cell);
            base[cell] = base[cell & (cell - 1)] + theta[low];
        }
        for (int m = 0; m < interactions.size(); m++) {
            int[] pair = interactions.get(m);
            int both = (1 << pair[0]) | (1 << pair[1]);
            for (int cell = 0; cell < cells; cell++) {
                if ((cell & both) == both) {
                    base[cell] += theta[lists + 1 + m];
                }
            }
        }
        double[] pi = new double[cells];
        double[] linear = new double[cells];
        double step = Math.min(0.5, 0.8 / sigma);
        int points = (int) Math.ceil(REACH / step);
        step = REACH / points;
        for (int k = -points; k <= points; k++) {
            double z = k * step;
            double shift = sigma * z;
            double max = Double.NEGATIVE_INFINITY;
            for (int cell = 0; cell < cells; cell++) {
                linear[cell] = base[cell] + shift * on[cell];
                max = Math.max(max, linear[cell]);
            }
            double sum = 0;
            for (int cell = 0; cell < cells; cell++) {
                linear[cell] = Math.exp(linear[cell] - max);
                sum += linear[cell];
            }
            // the end points' half weights are below e^-40 and left out
            double weight = step * Math.exp(-z * z / 2) / SQRT_2PI / sum;
            for (int cell = 0; cell < cells; cell++) {
                pi[cell] += weight * linear[cell];
            }
        }
        return pi;
    }
}
