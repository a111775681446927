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
 * Capture-recapture models in which people differ in how likely the lists are to record them (their catchability),
 * fitted by maximum likelihood with the number of hidden people as a parameter, with a profile-likelihood interval. List
 * j records a person whose catchability shifts the log-odds by s with probability expit(alpha_j + s), independently of
 * the other lists given s, except for chosen pairs of lists that depend on each other directly (a log-linear term gamma
 * on being on both, given s). The models differ in how s is spread over the population: a normal distribution
 * ({@link LogitNormalModel}) or two classes ({@link TwoClassModel}). This class holds what they share: the likelihood,
 * the search and the profile.
 *
 * <p>Parameters, in this order: one effect per list, the distribution's own ({@link #mixing()} of them), one per
 * interaction, and (in the search) the log of the hidden number.
 */
abstract sealed class HeterogeneityModel permits LogitNormalModel, TwoClassModel {

    /** Evaluations of the likelihood allowed to one search; beyond them the fit is reported as not converged. */
    static final int MAX_EVALUATIONS = 100_000;

    /** Twice the drop of the profile log-likelihood at the limits of the 95% interval. */
    private static final double QUANTILE =
            new ChiSquaredDistribution(1).inverseCumulativeProbability(MultipleSystemsEstimation.CONFIDENCE);

    /** Tables of more lists are not fitted: 2^k cells times the classes or quadrature points at every step. */
    static final int MAX_LISTS = 8;

    static final double MAX_EFFECT = 15;
    /** How far (on the log scale of the hidden number) the interval search goes before calling a limit open. */
    static final double SEARCH = 12;

    final ListOverlapTable table;
    final List<int[]> interactions;
    final int lists;
    final int cells;
    final long observed;
    final int[] on;

    private final BooleanSupplier timeUp;

    /** Thrown out of {@link #fit()} as soon as {@code timeUp} says so: the search is not interrupted otherwise. */
    static final class TimeUp extends RuntimeException {
        TimeUp() {
            super("stopped at the time limit", null, false, false);
        }
    }

    /**
     * The fitted model: the hidden number, its interval (upper limit NaN when open) and the spread of catchability
     * (the model's own measure of it); {@code status} other than FITTED when the maximum is on a boundary or the search
     * failed. {@code deviance} and {@code logLikelihood} are those of the observed cells as Poisson counts with means N x
     * pi(cell), the scale of the log-linear models' fits, so that AIC and BIC compare with theirs.
     */
    record Fit(
            FitStatus status,
            double hidden,
            double hiddenLower,
            double hiddenUpper,
            double spread,
            double deviance,
            double logLikelihood) {

        static Fit failed(FitStatus status) {
            return new Fit(status, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * @param interactions pairs {i, j} of lists that depend on each other directly (i < j)
     * @param timeUp asked at every evaluation of the likelihood; true ends the fit with {@link TimeUp}
     */
    HeterogeneityModel(ListOverlapTable table, List<int[]> interactions, BooleanSupplier timeUp) {
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

    /** How many parameters the distribution of catchability has. */
    abstract int mixing();

    /** Where the search starts for the distribution's parameters. */
    abstract double[] mixingStart();

    /** Bounds of the distribution's parameters: side -1 the lower, +1 the upper. */
    abstract double[] mixingBounds(int side);

    /**
     * Whether the distribution's parameters at the maximum mean the number is not bounded (for example a spread grown
     * to its bound: people so rarely recorded that any number of them fits).
     */
    abstract boolean mixingOnBoundary(double[] mixing);

    /**
     * Whether the distribution's parameters are held by a bound that stands in for infinity (a spread, a shift or a
     * share that could go further but for the search's limits), rather than by a natural one (no spread at all). A
     * limit of the interval found there is the search's, not the data's.
     */
    abstract boolean mixingAtSearchBound(double[] mixing);

    /** The spread of catchability reported with the fit. */
    abstract double spread(double[] mixing);

    /**
     * Adds to {@code pi} the probability of each combination of lists, integrated over catchability, given each cell's
     * log-linear part {@code base} (list effects and interactions, no catchability).
     */
    abstract void mix(double[] base, double[] mixing, double[] pi);

    /** Number of parameters: one per list, the distribution's, one per interaction, and N. */
    int parameters() {
        return dimension() + 1;
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
        System.arraycopy(mixingStart(), 0, start, lists, mixing());
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
                spread(Arrays.copyOfRange(theta, lists, lists + mixing())),
                deviance,
                poisson);
    }

    /** Parameters other than N: one per list, the distribution's, one per interaction. */
    private int dimension() {
        return lists + mixing() + interactions.size();
    }

    private double[] bounds(int side, double logHidden) {
        double[] bounds = new double[dimension() + 1];
        for (int j = 0; j < lists; j++) {
            bounds[j] = side * MAX_EFFECT;
        }
        System.arraycopy(mixingBounds(side), 0, bounds, lists, mixing());
        for (int m = 0; m < interactions.size(); m++) {
            bounds[lists + mixing() + m] = side * LogLinearModel.BOUNDARY / 2;
        }
        bounds[dimension()] = logHidden;
        return bounds;
    }

    /** Whether the maximum is on the boundary: its number is then not the data's (see {@link #mixingOnBoundary}). */
    private boolean onBoundary(double[] theta) {
        return listOrInteractionAtBound(theta) || mixingOnBoundary(Arrays.copyOfRange(theta, lists, lists + mixing()));
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
        double limit;
        try {
            limit = new BrentSolver(1e-4)
                    .solve(100, drop::applyAsDouble, Math.min(inside, outside), Math.max(inside, outside));
        } catch (MathIllegalArgumentException | MathIllegalStateException e) {
            // the profile is not monotone between the two points (a search found a lower maximum): keep the outer
            // point, which widens the interval rather than narrowing it
            limit = outside;
        }
        // Where the likelihood only drops because a parameter cannot go past the search's bounds (a group recorded
        // with probability expit(-15), say), the data set no limit: on Western the two-class model's upper limit
        // was otherwise 53 million, set by the list effects' bound.
        return atSearchBound(profile(from, Math.exp(limit))) ? Double.NaN : limit;
    }

    /** Whether a list effect, an interaction or the distribution is held by a bound of the search (see above). */
    private boolean atSearchBound(double[] theta) {
        return listOrInteractionAtBound(theta)
                || mixingAtSearchBound(Arrays.copyOfRange(theta, lists, lists + mixing()));
    }

    private boolean listOrInteractionAtBound(double[] theta) {
        for (int j = 0; j < lists; j++) {
            if (Math.abs(theta[j]) > MAX_EFFECT - 0.01) {
                return true;
            }
        }
        for (int m = 0; m < interactions.size(); m++) {
            if (Math.abs(theta[lists + mixing() + m]) > LogLinearModel.BOUNDARY / 2 - 0.01) {
                return true;
            }
        }
        return false;
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
     * 1e-7 across. A looser stop (1e-5) moved the logit-normal model's upper limit on a sparse table (NewOrl) by a third:
     * where the profile is flat, the limit depends on how closely each point is maximised.
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
                    base[cell] += theta[lists + mixing() + m];
                }
            }
        }
        double[] pi = new double[cells];
        mix(base, Arrays.copyOfRange(theta, lists, lists + mixing()), pi);
        return pi;
    }

    /**
     * Adds {@code weight} times the probabilities of the cells for people whose catchability shifts every list's
     * log-odds by {@code shift}: each cell's exp(base + shift x lists it is on), normalised over the cells.
     * {@code linear} is scratch space of one value per cell.
     */
    final void addShifted(double[] base, double shift, double weight, double[] pi, double[] linear) {
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
        double scale = weight / sum;
        for (int cell = 0; cell < cells; cell++) {
            pi[cell] += scale * linear[cell];
        }
    }
}
