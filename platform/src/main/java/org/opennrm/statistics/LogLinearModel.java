package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.special.Gamma;

/**
 * A Poisson log-linear model of a list-overlap table: log E[count of cell] = intercept + the main effect
 * of every list the cell is on + the chosen two-list interactions. Fitted by maximum likelihood with
 * iteratively reweighted least squares (each step a QR least-squares solve), over the 2^k - 1 observable
 * cells. The unobserved cell (no list) has every covariate 0, so its predicted count is exp(intercept).
 *
 * <p>With {@code heterogeneity} the model has one more term, the Rasch-type term of Darroch, Fienberg, Glonek and
 * Junker (1993) in the parametric form of Agresti (1994), the "homogeneous two-factor interaction": a single
 * parameter times the number of pairs of lists a cell is on, s(s - 1)/2 for a cell on s lists. It is what a
 * population with a continuous spread of catchability (a person's chance on every list rises and falls together)
 * leaves in the table: people on several lists are more frequent than independence predicts. The term is 0 on the
 * unobserved cell, so the hidden number is still exp(intercept).
 *
 * @param interactions pairs {i, j} of list indexes, i < j
 * @param heterogeneity whether the Rasch-type term is in the model
 */
record LogLinearModel(int lists, List<int[]> interactions, boolean heterogeneity) {

    static final int MAX_ITERATIONS = 100;
    /** Relative change of the deviance under which IRLS has converged (R's glm uses 1e-8). */
    static final double TOLERANCE = 1e-10;
    /**
     * A list or interaction effect beyond this (a factor of e^20, about 5e8) means the maximum likelihood
     * estimate lies on the boundary (an infinite parameter): the fit is reported, never used as a number.
     */
    static final double BOUNDARY = 20;

    LogLinearModel {
        interactions = List.copyOf(interactions);
    }

    LogLinearModel(int lists, List<int[]> interactions) {
        this(lists, interactions, false);
    }

    static LogLinearModel mainEffects(int lists) {
        return new LogLinearModel(lists, List.of());
    }

    /** Main effects and the Rasch-type heterogeneity term (Agresti's homogeneous two-factor interaction). */
    static LogLinearModel rasch(int lists) {
        return new LogLinearModel(lists, List.of(), true);
    }

    LogLinearModel with(int[] pair) {
        var more = new ArrayList<>(interactions);
        more.add(pair);
        return new LogLinearModel(lists, more, heterogeneity);
    }

    boolean has(int i, int j) {
        return interactions.stream().anyMatch(pair -> pair[0] == i && pair[1] == j);
    }

    /** Number of parameters: intercept, one per list, one per interaction, one for the heterogeneity term. */
    int parameters() {
        return 1 + lists + interactions.size() + (heterogeneity ? 1 : 0);
    }

    /** The covariates of one cell, without the intercept. */
    double[] covariates(int cell) {
        double[] row = new double[lists + interactions.size() + (heterogeneity ? 1 : 0)];
        for (int i = 0; i < lists; i++) {
            row[i] = (cell >> i) & 1;
        }
        for (int m = 0; m < interactions.size(); m++) {
            int[] pair = interactions.get(m);
            row[lists + m] = ((cell >> pair[0]) & 1) * ((cell >> pair[1]) & 1);
        }
        if (heterogeneity) {
            int on = Integer.bitCount(cell);
            row[lists + interactions.size()] = on * (on - 1) / 2.0;
        }
        return row;
    }

    /** Fits all parameters. */
    Fit fit(ListOverlapTable table) {
        int cells = table.cells();
        double[][] design = new double[cells][];
        double[] offset = new double[cells];
        for (int cell = 1; cell <= cells; cell++) {
            double[] covariates = covariates(cell);
            double[] row = new double[covariates.length + 1];
            row[0] = 1;
            System.arraycopy(covariates, 0, row, 1, covariates.length);
            design[cell - 1] = row;
        }
        return irls(table, design, offset, true);
    }

    /** Fits with the intercept held at {@code intercept}: the profile likelihood of the hidden number. */
    Fit fitWithIntercept(ListOverlapTable table, double intercept) {
        int cells = table.cells();
        double[][] design = new double[cells][];
        double[] offset = new double[cells];
        for (int cell = 1; cell <= cells; cell++) {
            design[cell - 1] = covariates(cell);
            offset[cell - 1] = intercept;
        }
        return irls(table, design, offset, false);
    }

    private static Fit irls(ListOverlapTable table, double[][] design, double[] offset, boolean withIntercept) {
        int n = design.length;
        int p = design[0].length;
        double[] y = new double[n];
        for (int cell = 1; cell <= n; cell++) {
            y[cell - 1] = table.count(cell);
        }
        RealMatrix x = new Array2DRowRealMatrix(design, false);
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            // the usual start of a Poisson GLM: y + 1/2 keeps log finite for empty cells
            mu[i] = y[i] + 0.5;
            eta[i] = Math.log(mu[i]);
        }
        double deviance = Double.POSITIVE_INFINITY;
        RealVector beta = null;
        RealMatrix weightedDesign = null;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            weightedDesign = MatrixUtils.createRealMatrix(n, p);
            RealVector weightedResponse = new ArrayRealVector(n);
            for (int i = 0; i < n; i++) {
                double root = Math.sqrt(mu[i]);
                double z = eta[i] - offset[i] + (y[i] - mu[i]) / mu[i];
                for (int j = 0; j < p; j++) {
                    weightedDesign.setEntry(i, j, design[i][j] * root);
                }
                weightedResponse.setEntry(i, z * root);
            }
            var solver = new QRDecomposition(weightedDesign, 1e-12).getSolver();
            if (!solver.isNonSingular()) {
                return Fit.failed(FitStatus.NOT_IDENTIFIABLE);
            }
            beta = solver.solve(weightedResponse);
            RealVector linear = x.operate(beta);
            for (int i = 0; i < n; i++) {
                eta[i] = linear.getEntry(i) + offset[i];
                mu[i] = Math.exp(eta[i]);
            }
            double next = deviance(y, mu);
            if (!Double.isFinite(next)) {
                return Fit.failed(FitStatus.NOT_CONVERGED);
            }
            if (Math.abs(next - deviance) / (Math.abs(next) + 0.1) < TOLERANCE) {
                deviance = next;
                return finish(y, mu, beta, deviance, weightedDesign, withIntercept, iteration);
            }
            deviance = next;
        }
        return Fit.failed(FitStatus.NOT_CONVERGED);
    }

    private static Fit finish(
            double[] y,
            double[] mu,
            RealVector beta,
            double deviance,
            RealMatrix weightedDesign,
            boolean withIntercept,
            int iterations) {
        double logLikelihood = 0;
        for (int i = 0; i < y.length; i++) {
            logLikelihood += y[i] * Math.log(mu[i]) - mu[i] - Gamma.logGamma(y[i] + 1);
        }
        for (int j = withIntercept ? 1 : 0; j < beta.getDimension(); j++) {
            if (Math.abs(beta.getEntry(j)) > BOUNDARY) {
                return Fit.failed(FitStatus.BOUNDARY);
            }
        }
        double interceptVariance = Double.NaN;
        if (withIntercept) {
            RealMatrix information = weightedDesign.transpose().multiply(weightedDesign);
            var inverse = new QRDecomposition(information).getSolver().getInverse();
            interceptVariance = inverse.getEntry(0, 0);
        }
        return new Fit(FitStatus.FITTED, beta.toArray(), deviance, logLikelihood, interceptVariance, iterations);
    }

    private static double deviance(double[] y, double[] mu) {
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            total += (y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]);
        }
        return 2 * total;
    }

    /** The outcome of one fit; {@code coefficients[0]} is the intercept when it was fitted. */
    record Fit(
            FitStatus status,
            double[] coefficients,
            double deviance,
            double logLikelihood,
            double interceptVariance,
            int iterations) {

        static Fit failed(FitStatus status) {
            return new Fit(status, new double[0], Double.NaN, Double.NaN, Double.NaN, 0);
        }

        boolean fitted() {
            return status == FitStatus.FITTED;
        }
    }
}
