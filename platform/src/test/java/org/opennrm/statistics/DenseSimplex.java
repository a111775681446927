package org.opennrm.statistics;

import java.util.List;

/**
 * A plain two-phase dense simplex with Bland's rule (no cycling), for the test attacker only: a second solver, so that
 * the attack does not trust the same library as the check it verifies. Variables are non-negative; each row is
 * {@code coefficients . x (=, <=, >=) value}. Returns +infinity when the maximum is unbounded.
 */
final class DenseSimplex {

    record Row(double[] coefficients, char relation, double value) {}

    private static final double EPS = 1e-9;

    static double maximise(double[] objective, List<Row> rows) {
        return solve(objective, rows, true);
    }

    static double minimise(double[] objective, List<Row> rows) {
        return -solve(negate(objective), rows, true);
    }

    private static double[] negate(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = -values[i];
        }
        return out;
    }

    private static double solve(double[] objective, List<Row> rows, boolean unused) {
        int n = objective.length;
        int m = rows.size();
        int slacks = 0;
        for (Row row : rows) {
            if (row.relation() != '=') {
                slacks++;
            }
        }
        int columns = n + slacks + m; // originals, slacks, artificials
        double[][] t = new double[m + 1][columns + 1];
        int[] basis = new int[m];
        int slack = n;
        for (int i = 0; i < m; i++) {
            Row row = rows.get(i);
            double sign = row.value() < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                t[i][j] = sign * row.coefficients()[j];
            }
            if (row.relation() == '<') {
                t[i][slack++] = sign;
            } else if (row.relation() == '>') {
                t[i][slack++] = -sign;
            }
            t[i][n + slacks + i] = 1;
            t[i][columns] = sign * row.value();
            basis[i] = n + slacks + i;
        }
        // phase 1: minimise the artificials = maximise their negative sum
        double[] phase1 = new double[columns];
        for (int i = 0; i < m; i++) {
            phase1[n + slacks + i] = -1;
        }
        boolean[] allowed = new boolean[columns];
        java.util.Arrays.fill(allowed, true);
        run(t, basis, phase1, allowed);
        double infeasibility = 0;
        for (int i = 0; i < m; i++) {
            if (basis[i] >= n + slacks) {
                infeasibility += t[i][columns];
            }
        }
        if (infeasibility > 1e-6) {
            throw new IllegalStateException("the published tables contradict one another");
        }
        // drive artificials out of the basis where possible, then bar them
        for (int i = 0; i < m; i++) {
            if (basis[i] >= n + slacks) {
                for (int j = 0; j < n + slacks; j++) {
                    if (Math.abs(t[i][j]) > EPS) {
                        pivot(t, basis, i, j);
                        break;
                    }
                }
            }
        }
        for (int j = n + slacks; j < columns; j++) {
            allowed[j] = false;
        }
        double[] phase2 = new double[columns];
        System.arraycopy(objective, 0, phase2, 0, n);
        if (!run(t, basis, phase2, allowed)) {
            return Double.POSITIVE_INFINITY;
        }
        double value = 0;
        for (int i = 0; i < m; i++) {
            if (basis[i] < n) {
                value += objective[basis[i]] * t[i][columns];
            }
        }
        return value;
    }

    /** Maximises c.x from the current basis; false when unbounded. */
    private static boolean run(double[][] t, int[] basis, double[] c, boolean[] allowed) {
        int m = basis.length;
        int columns = t[0].length - 1;
        while (true) {
            // reduced costs: c_j - c_B B^-1 A_j, read from the tableau
            int entering = -1;
            for (int j = 0; j < columns && entering < 0; j++) {
                if (!allowed[j]) {
                    continue;
                }
                double reduced = c[j];
                for (int i = 0; i < m; i++) {
                    reduced -= c[basis[i]] * t[i][j];
                }
                if (reduced > EPS) {
                    entering = j; // Bland: the first improving column
                }
            }
            if (entering < 0) {
                return true;
            }
            int leaving = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (t[i][entering] > EPS) {
                    double ratio = t[i][columns] / t[i][entering];
                    if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[leaving])) {
                        best = ratio;
                        leaving = i;
                    }
                }
            }
            if (leaving < 0) {
                return false;
            }
            pivot(t, basis, leaving, entering);
        }
    }

    private static void pivot(double[][] t, int[] basis, int row, int column) {
        double p = t[row][column];
        double[] pivotRow = t[row];
        for (int j = 0; j < pivotRow.length; j++) {
            pivotRow[j] /= p;
        }
        for (int i = 0; i < t.length; i++) {
            if (i != row && Math.abs(t[i][column]) > 0) {
                double factor = t[i][column];
                double[] target = t[i];
                for (int j = 0; j < target.length; j++) {
                    target[j] -= factor * pivotRow[j];
                }
            }
        }
        basis[row] = column;
    }
}
