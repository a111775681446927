package org.opennrm.statistics;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The two-class finite mixture of Pledger (2000, "Unified maximum likelihood estimates for closed capture-recapture
 * models using mixtures", Biometrics 56), model M_h2 with list effects: a share w of the people is more easily recorded
 * than the rest, by the same shift delta of the log-odds on every list; list j records the others with probability
 * expit(alpha_j), the easier ones with expit(alpha_j + delta), independently given the class, except for chosen pairs of
 * lists that depend on each other directly (see {@link HeterogeneityModel}).
 *
 * <p>Why beside the logit-normal model: populations an NRM counts are often made of groups rather than a smooth
 * spread, for example people in forms of exploitation that services and police see often and people in forms that
 * almost nobody sees. With a hard-to-record group the normal distribution's thin lower tail holds too few hidden people,
 * and the two-class model's profile likelihood rises further above the estimate. Its likelihood can also be flat (a
 * group small enough and hidden enough fits any number), which the interval then shows as an open upper limit.
 *
 * <p>Written from the paper; Rcapture's {@code closedp} and the R package {@code marked} fit such mixtures and were
 * not used.
 */
final class TwoClassModel extends HeterogeneityModel {

    /** The shift of the easier class, delta, lies in [0.01, 20] on the log-odds scale (searched as its log). */
    static final double MIN_LOG_SHIFT = Math.log(0.01);

    static final double MAX_LOG_SHIFT = Math.log(20);

    /** The share of the easier class, searched as its log-odds, within [expit(-10), expit(10)]. */
    static final double SHARE_LOG_ODDS = 10;

    /**
     * @param interactions pairs {i, j} of lists that depend on each other directly (i < j)
     * @param timeUp asked at every evaluation of the likelihood; true ends the fit with {@link TimeUp}
     */
    TwoClassModel(ListOverlapTable table, List<int[]> interactions, BooleanSupplier timeUp) {
        super(table, interactions, timeUp);
    }

    /** Two parameters: the log of the shift delta, and the log-odds of the easier class's share. */
    @Override
    int mixing() {
        return 2;
    }

    @Override
    double[] mixingStart() {
        return new double[] {Math.log(1.5), 0};
    }

    @Override
    double[] mixingBounds(int side) {
        return new double[] {side < 0 ? MIN_LOG_SHIFT : MAX_LOG_SHIFT, side * SHARE_LOG_ODDS};
    }

    /**
     * A shift grown to its bound: the harder class is all but invisible to every list. A share at either bound leaves
     * one class, the independence model, a fit like any other.
     */
    @Override
    boolean mixingOnBoundary(double[] mixing) {
        return mixing[0] > MAX_LOG_SHIFT - 0.01;
    }

    /**
     * A shift at its upper bound, or a share at either bound (a share of 0 or 1 lies beyond the search's log-odds of
     * plus or minus 10); a shift at its lower bound is no difference between the classes, a natural bound.
     */
    @Override
    boolean mixingAtSearchBound(double[] mixing) {
        return mixing[0] > MAX_LOG_SHIFT - 0.01 || Math.abs(mixing[1]) > SHARE_LOG_ODDS - 0.01;
    }

    /** The shift delta. */
    @Override
    double spread(double[] mixing) {
        return Math.exp(mixing[0]);
    }

    @Override
    void mix(double[] base, double[] mixing, double[] pi) {
        double shift = Math.exp(mixing[0]);
        double share = 1 / (1 + Math.exp(-mixing[1]));
        double[] linear = new double[cells];
        addShifted(base, 0, 1 - share, pi, linear);
        addShifted(base, shift, share, pi, linear);
    }
}
