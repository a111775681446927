package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Disclosure control of a two-way table with its row, column and grand totals.
 *
 * <ol>
 *   <li>Primary suppression: every cell or total with more than none and fewer than the minimum cell size
 *       (default 10). Zero cells are published: a zero describes nobody, so it cannot identify anyone, and
 *       hiding zeros would also hide where there is no one to protect (the complements chosen below would
 *       then be larger cells).
 *   <li>Secondary suppression (the classical heuristic): every row and column, totals included, that has one
 *       suppressed entry gets a second, the smallest non-zero entry, until no line has exactly one.
 *   <li>Verification by linear programming: for every suppressed entry the smallest and largest values
 *       consistent with all published entries are computed (Hipparchus simplex). A suppressed entry whose
 *       interval is a single value is recoverable; a primary entry whose interval is narrower than the
 *       protection range (default: the minimum cell size) is narrowed too far. Either gets more complements
 *       (the smallest non-zero entry in its row or column) and the check runs again. The constraint matrix
 *       of a table with its margins is totally unimodular, so the LP bounds are whole numbers and are also
 *       the bounds over whole-number tables.
 *   <li>Optional rounding of every published entry to base 5.
 * </ol>
 */
@Component
class DisclosureControl {

    private final int minimumCellSize;
    private final int protectionRange;

    @Autowired
    DisclosureControl(
            @Value("${opennrm.statistics.minimum-cell-size:10}") int minimumCellSize,
            @Value("${opennrm.statistics.protection-range:0}") int protectionRange) {
        if (minimumCellSize < 1) {
            throw new IllegalArgumentException("opennrm.statistics.minimum-cell-size must be at least 1");
        }
        this.minimumCellSize = minimumCellSize;
        // 0 (unset) means: the minimum cell size, so a reader can never narrow a small count below it
        this.protectionRange = protectionRange > 0 ? protectionRange : minimumCellSize;
    }

    DisclosureControl(int minimumCellSize) {
        this(minimumCellSize, 0);
    }

    int minimumCellSize() {
        return minimumCellSize;
    }

    int protectionRange() {
        return protectionRange;
    }

    /**
     * Which way random rounding goes for each cell of a table: a number in [0, 1) per cell, the same for the same
     * cell wherever it is published. The total row and column are the last.
     */
    @FunctionalInterface
    interface CellDraws {
        double at(int row, int column);
    }

    /**
     * The table protected, with random rounding drawn from the table itself (the same table rounds the same way).
     * Published tables use {@link #protect(CountTable, Rounding, CellDraws)} with draws per cell definition.
     */
    ProtectedTable protect(CountTable table, Rounding rounding) {
        var random = new Random(Objects.hash(
                table.rowDimension(),
                table.columnDimension(),
                table.rows(),
                table.columns(),
                Arrays.deepHashCode(table.counts())));
        double[][] draws = new double[table.rows().size() + 1][table.columns().size() + 1];
        for (double[] row : draws) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextDouble();
            }
        }
        return protect(table, rounding, (row, column) -> draws[row][column]);
    }

    ProtectedTable protect(CountTable table, Rounding rounding, CellDraws draws) {
        long[][] grid = table.withTotals();
        int height = grid.length;
        int width = grid[0].length;
        Suppression.Reason[][] reason = new Suppression.Reason[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (grid[r][c] > 0 && grid[r][c] < minimumCellSize) {
                    reason[r][c] = Suppression.Reason.PRIMARY;
                }
            }
        }
        double[][] intervals;
        while (true) {
            completeLines(grid, reason);
            intervals = feasibleIntervals(grid, reason);
            List<int[]> exposed = exposed(reason, intervals);
            if (exposed.isEmpty()) {
                break;
            }
            boolean added = false;
            for (int[] position : exposed) {
                int[] complement = smallestOpen(grid, reason, lineMembers(position, height, width));
                if (complement != null) {
                    reason[complement[0]][complement[1]] = Suppression.Reason.SECONDARY;
                    added = true;
                }
            }
            if (!added) {
                // nothing left beside an exposed entry: hide every non-zero entry of the table
                for (int r = 0; r < height; r++) {
                    for (int c = 0; c < width; c++) {
                        if (grid[r][c] > 0 && reason[r][c] == null) {
                            reason[r][c] = Suppression.Reason.SECONDARY;
                        }
                    }
                }
            }
        }
        return publish(table, grid, reason, intervals, rounding, draws);
    }

    private List<int[]> exposed(Suppression.Reason[][] reason, double[][] intervals) {
        List<int[]> exposed = new ArrayList<>();
        for (int r = 0; r < reason.length; r++) {
            for (int c = 0; c < reason[r].length; c++) {
                if (reason[r][c] == null) {
                    continue;
                }
                double[] interval = intervals[r * reason[r].length + c];
                double span = interval[1] - interval[0];
                boolean recoverable = span < 0.5;
                boolean narrow = reason[r][c] == Suppression.Reason.PRIMARY && span < protectionRange;
                if (recoverable || narrow) {
                    exposed.add(new int[] {r, c});
                }
            }
        }
        return exposed;
    }

    /** Gives every line (row or column, totals included) with exactly one suppressed entry a second one. */
    private static void completeLines(long[][] grid, Suppression.Reason[][] reason) {
        int height = grid.length;
        int width = grid[0].length;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<int[]> line : lines(height, width)) {
                long suppressed =
                        line.stream().filter(p -> reason[p[0]][p[1]] != null).count();
                if (suppressed == 1) {
                    int[] complement = smallestOpen(grid, reason, line);
                    if (complement != null) {
                        reason[complement[0]][complement[1]] = Suppression.Reason.SECONDARY;
                        changed = true;
                    }
                }
            }
        }
    }

    private static int[] smallestOpen(long[][] grid, Suppression.Reason[][] reason, Collection<int[]> positions) {
        int[] best = null;
        for (int[] p : positions) {
            if (reason[p[0]][p[1]] == null
                    && grid[p[0]][p[1]] > 0
                    && (best == null || grid[p[0]][p[1]] < grid[best[0]][best[1]])) {
                best = p;
            }
        }
        return best;
    }

    /** Every row and column of the grid; in each, the last member is the line's total. */
    private static List<List<int[]>> lines(int height, int width) {
        List<List<int[]>> lines = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            List<int[]> line = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                line.add(new int[] {r, c});
            }
            lines.add(line);
        }
        for (int c = 0; c < width; c++) {
            List<int[]> line = new ArrayList<>();
            for (int r = 0; r < height; r++) {
                line.add(new int[] {r, c});
            }
            lines.add(line);
        }
        return lines;
    }

    private static List<int[]> lineMembers(int[] position, int height, int width) {
        List<int[]> members = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            members.add(new int[] {position[0], c});
        }
        for (int r = 0; r < height; r++) {
            members.add(new int[] {r, position[1]});
        }
        return members;
    }

    /**
     * For every suppressed entry (index r * width + c) the least and greatest value it can take given every
     * published entry, the additivity of each row and column and non-negativity; +infinity when unbounded.
     * Published entries get {0, 0}.
     */
    static double[][] feasibleIntervals(long[][] grid, Suppression.Reason[][] reason) {
        int height = grid.length;
        int width = grid[0].length;
        int[] variable = new int[height * width];
        Arrays.fill(variable, -1);
        int variables = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (reason[r][c] != null) {
                    variable[r * width + c] = variables++;
                }
            }
        }
        double[][] intervals = new double[height * width][2];
        if (variables == 0) {
            return intervals;
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (List<int[]> line : lines(height, width)) {
            double[] coefficients = new double[variables];
            double value = 0;
            boolean any = false;
            for (int i = 0; i < line.size(); i++) {
                int[] p = line.get(i);
                double sign = i == line.size() - 1 ? -1 : 1; // members add up to the line's total
                int v = variable[p[0] * width + p[1]];
                if (v >= 0) {
                    coefficients[v] = sign;
                    any = true;
                } else {
                    value -= sign * grid[p[0]][p[1]];
                }
            }
            if (any) {
                constraints.add(new LinearConstraint(coefficients, Relationship.EQ, value));
            }
        }
        var set = new LinearConstraintSet(constraints);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int v = variable[r * width + c];
                if (v < 0) {
                    continue;
                }
                double[] objective = new double[variables];
                objective[v] = 1;
                intervals[r * width + c][0] = optimum(objective, set, GoalType.MINIMIZE);
                intervals[r * width + c][1] = optimum(objective, set, GoalType.MAXIMIZE);
            }
        }
        return intervals;
    }

    private static double optimum(double[] objective, LinearConstraintSet constraints, GoalType goal) {
        try {
            return new SimplexSolver()
                    .optimize(
                            new MaxIter(100_000),
                            new LinearObjectiveFunction(objective, 0),
                            constraints,
                            goal,
                            new NonNegativeConstraint(true))
                    .getValue();
        } catch (MathIllegalStateException e) {
            if (e.getSpecifier() == LocalizedOptimFormats.UNBOUNDED_SOLUTION) {
                return Double.POSITIVE_INFINITY;
            }
            throw e;
        }
    }

    private ProtectedTable publish(
            CountTable table,
            long[][] grid,
            Suppression.Reason[][] reason,
            double[][] intervals,
            Rounding rounding,
            CellDraws draws) {
        int height = grid.length;
        int width = grid[0].length;
        Long[][] cells = new Long[height][width];
        List<Suppression> suppressions = new ArrayList<>();
        long primary = 0;
        long secondary = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (reason[r][c] == null) {
                    cells[r][c] = rounding.round(grid[r][c], rounding == Rounding.RANDOM ? draws.at(r, c) : 0);
                    continue;
                }
                double[] interval = intervals[r * width + c];
                suppressions.add(new Suppression(
                        r < height - 1 ? table.rows().get(r) : null,
                        c < width - 1 ? table.columns().get(c) : null,
                        reason[r][c],
                        Math.round(Math.ceil(interval[0] - 1e-6)),
                        Double.isInfinite(interval[1]) ? null : Math.round(Math.floor(interval[1] + 1e-6))));
                if (reason[r][c] == Suppression.Reason.PRIMARY) {
                    primary++;
                } else {
                    secondary++;
                }
            }
        }
        var check = new DisclosureCheck(minimumCellSize, protectionRange, rounding, suppressions, primary, secondary);
        return new ProtectedTable(
                table.rowDimension(), table.columnDimension(), table.rows(), table.columns(), cells, check);
    }
}
