package org.opennrm.prevention;

import java.util.Optional;
import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Whether a monthly series has seasons the change detector would mistake for changes. The detector models a level and
 * a trend per segment, not the months of the year, so a series that rises every December and falls every January
 * would be flagged season after season. On the log scale, a straight line plus a level per month of the year is fitted
 * by least squares (Hipparchus' QR decomposition) against the line alone; the months are seasonal when the F test says
 * so at 0.1% and the months differ by at least 15% from one another beyond the trend. Quarterly series are not checked
 * (quarterly NRM referrals show little season), nor monthly series shorter than two years (a season needs two).
 */
final class Seasonality {

    static final int MINIMUM_MONTHS = 24;
    static final double SIGNIFICANCE = 0.001;
    static final double MINIMUM_SWING = 0.15;
    private static final double OFFSET = 0.5;

    /** Seasons found: how far apart the months are (0.4 is 40% between the lowest and the highest) and the p value. */
    record Seasons(double swing, double pValue) {}

    private Seasonality() {}

    static Optional<Seasons> of(Series series) {
        if (series.start().frequency() != Period.Frequency.MONTH || series.length() < MINIMUM_MONTHS) {
            return Optional.empty();
        }
        int n = series.length();
        double[] y = new double[n];
        double[][] line = new double[n][2];
        double[][] seasonal = new double[n][13];
        for (int i = 0; i < n; i++) {
            y[i] = Math.log(series.value(i) + OFFSET);
            int month = Math.floorMod(series.period(i).index(), 12);
            line[i][0] = 1;
            line[i][1] = i;
            seasonal[i][0] = 1;
            seasonal[i][1] = i;
            if (month > 0) {
                seasonal[i][1 + month] = 1;
            }
        }
        RealVector observed = MatrixUtils.createRealVector(y);
        double restricted = residualSquares(MatrixUtils.createRealMatrix(line), observed);
        RealMatrix design = MatrixUtils.createRealMatrix(seasonal);
        RealVector fit = new QRDecomposition(design).getSolver().solve(observed);
        double full = design.operate(fit).subtract(observed).getNorm();
        full = full * full;
        int residualDegrees = n - 13;
        if (full <= 0) {
            return Optional.empty();
        }
        double f = ((restricted - full) / 11) / (full / residualDegrees);
        double p = 1 - new FDistribution(11, residualDegrees).cumulativeProbability(f);
        double lowest = 0;
        double highest = 0;
        for (int month = 1; month < 12; month++) {
            lowest = Math.min(lowest, fit.getEntry(1 + month));
            highest = Math.max(highest, fit.getEntry(1 + month));
        }
        double swing = Math.exp(highest - lowest) - 1;
        return p < SIGNIFICANCE && swing >= MINIMUM_SWING ? Optional.of(new Seasons(swing, p)) : Optional.empty();
    }

    private static double residualSquares(RealMatrix design, RealVector observed) {
        RealVector fit = new QRDecomposition(design).getSolver().solve(observed);
        double norm = design.operate(fit).subtract(observed).getNorm();
        return norm * norm;
    }
}
