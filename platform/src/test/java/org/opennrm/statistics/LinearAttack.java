package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * An attacker, written apart from the production check so that it verifies it rather than repeating it: holding every
 * published table (as {@link TableView}s, exactly what a reader downloads), it sets up the full cross-classification of
 * the facts (every quarter x region x category of every dimension that any table shows, one unknown count of people
 * each, never negative), writes each published cell as the sum of the combinations it covers (a rounded value as the
 * interval a reader would read it as), adds what a reader knows about ages (bands 0-8 and 9-17 are children, the others
 * adults) as impossible combinations, and for every suppressed primary cell solves the least and greatest count by
 * linear programming. Shares no code with {@code JointDisclosure}; uses only the tables' public content.
 */
final class LinearAttack {

    /**
     * What the attacker knows besides the tables: the quarters and regions facts can fall in (UNKNOWN for facts recorded
     * without a region), and the age rule.
     */
    record World(List<Integer> quarters, List<String> regions, boolean agesNest) {}

    /** What the attacker found about one suppressed primary cell. */
    record Finding(String table, String row, String column, long min, Long max) {
        long width() {
            return max == null ? Long.MAX_VALUE : max - min;
        }

        boolean exact() {
            return max != null && max == min;
        }
    }

    private final World world;
    private final List<String> dimensions = new ArrayList<>();
    private final Map<String, List<String>> categories = new LinkedHashMap<>();
    private final List<Map<String, String>> cells = new ArrayList<>();
    private List<DenseSimplex.Row> rows;
    private int[] kept;

    private LinearAttack(World world, List<TableView> tables) {
        this.world = world;
        for (TableView table : tables) {
            collect(table.rows(), table.rowCategories());
            collect(table.columns(), table.columnCategories());
            // what every cell of the table shares (an agency's figures: agency, measure, a slice) is a dimension too
            table.categories().forEach((dimension, category) -> collect(word(dimension), List.of(category)));
        }
        // the full cross-classification: quarter x region x every other dimension
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        List<String> axes = new ArrayList<>(List.of("quarter", "region"));
        axes.addAll(dimensions);
        for (String axis : axes) {
            List<String> values =
                    switch (axis) {
                        case "quarter" ->
                            world.quarters().stream().map(String::valueOf).toList();
                        case "region" -> world.regions();
                        default -> categories.get(axis);
                    };
            List<Map<String, String>> next = new ArrayList<>();
            for (var combination : combinations) {
                for (String value : values) {
                    var extended = new LinkedHashMap<>(combination);
                    extended.put(axis, value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        for (var combination : combinations) {
            if (possible(combination)) {
                cells.add(combination);
            }
        }
    }

    private void collect(String dimension, List<String> seen) {
        if (dimension.equals("quarter") || dimension.equals("year") || dimension.equals("region")) {
            return;
        }
        if (!dimensions.contains(dimension)) {
            dimensions.add(dimension);
            categories.put(dimension, new ArrayList<>());
        }
        Set<String> values = new LinkedHashSet<>(categories.get(dimension));
        values.addAll(seen);
        values.add("UNKNOWN");
        if (dimension.equals("age-band")) {
            values.addAll(Fact.AGE_BANDS);
        }
        if (dimension.equals("age-group")) {
            values.addAll(List.of("CHILD", "ADULT"));
        }
        categories.put(dimension, new ArrayList<>(values));
    }

    private boolean possible(Map<String, String> combination) {
        if (!world.agesNest()) {
            return true;
        }
        String band = combination.get("age-band");
        String group = combination.get("age-group");
        if (band == null || group == null || band.equals("UNKNOWN")) {
            return true;
        }
        boolean childBand = band.equals("0-8") || band.equals("9-17");
        return group.equals(childBand ? "CHILD" : "ADULT");
    }

    /** Every suppressed primary cell of every table, with the interval the attacker can narrow it to. */
    static List<Finding> attack(World world, List<TableView> tables) {
        return new LinearAttack(world, tables).run(tables);
    }

    private List<Finding> run(List<TableView> tables) {
        List<LinearConstraint> constraints = new ArrayList<>();
        record Target(String table, String row, String column, double[] sum) {}
        List<Target> targets = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            TableView table = tables.get(t);
            Set<String> primary = new LinkedHashSet<>();
            for (Suppression s : table.disclosure().suppressions()) {
                if (s.reason() == Suppression.Reason.PRIMARY) {
                    primary.add(s.row() + "|" + s.column());
                }
            }
            long half =
                    switch (table.disclosure().rounding()) {
                        case NONE -> 0;
                        case CONVENTIONAL -> 2;
                        case RANDOM -> 4;
                    };
            int height = table.rowCategories().size();
            int width = table.columnCategories().size();
            for (int r = 0; r <= height; r++) {
                for (int c = 0; c <= width; c++) {
                    String row = r < height ? table.rowCategories().get(r) : null;
                    String column = c < width ? table.columnCategories().get(c) : null;
                    Long value = r < height
                            ? (c < width
                                    ? table.cells().get(r).get(c)
                                    : table.rowTotals().get(r))
                            : (c < width ? table.columnTotals().get(c) : table.grandTotal());
                    double[] sum = new double[cells.size()];
                    for (int k = 0; k < cells.size(); k++) {
                        sum[k] = covers(table, row, column, cells.get(k)) ? 1 : 0;
                    }
                    if (value == null) {
                        if (primary.contains(row + "|" + column)) {
                            targets.add(new Target("table " + (t + 1), row, column, sum));
                        }
                    } else if (half == 0) {
                        constraints.add(new LinearConstraint(sum, Relationship.EQ, value));
                    } else {
                        constraints.add(new LinearConstraint(sum, Relationship.GEQ, Math.max(0, value - half)));
                        constraints.add(new LinearConstraint(sum.clone(), Relationship.LEQ, value + half));
                    }
                }
            }
        }
        // a category a table does not show holds nobody in it: its totals are the sums of the categories shown
        for (TableView table : tables) {
            for (int side = 0; side < 2; side++) {
                String dimension = side == 0 ? table.rows() : table.columns();
                List<String> shown = side == 0 ? table.rowCategories() : table.columnCategories();
                for (String category : worldCategories(dimension)) {
                    if (shown.contains(category)) {
                        continue;
                    }
                    double[] sum = new double[cells.size()];
                    for (int k = 0; k < cells.size(); k++) {
                        boolean in = side == 0
                                ? covers(table, category, null, cells.get(k))
                                : covers(table, null, category, cells.get(k));
                        sum[k] = in ? 1 : 0;
                    }
                    constraints.add(new LinearConstraint(sum, Relationship.EQ, 0));
                }
            }
        }
        // a combination inside a published zero is zero: leave it out (fewer, less degenerate programs)
        boolean[] zero = new boolean[cells.size()];
        for (var constraint : constraints) {
            if (constraint.getRelationship() != Relationship.GEQ && constraint.getValue() == 0) {
                for (int k = 0; k < cells.size(); k++) {
                    zero[k] |= constraint.getCoefficients().getEntry(k) != 0;
                }
            }
        }
        kept = java.util.stream.IntStream.range(0, cells.size())
                .filter(k -> !zero[k])
                .toArray();
        List<LinearConstraint> reduced = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (var constraint : constraints) {
            double[] row = new double[kept.length];
            boolean any = false;
            for (int i = 0; i < kept.length; i++) {
                row[i] = constraint.getCoefficients().getEntry(kept[i]);
                any |= row[i] != 0;
            }
            String key = java.util.Arrays.toString(row) + constraint.getRelationship() + constraint.getValue();
            if (any && seen.add(key)) {
                reduced.add(new LinearConstraint(row, constraint.getRelationship(), constraint.getValue()));
            }
        }
        List<DenseSimplex.Row> rows = reduced.stream()
                .map(c -> new DenseSimplex.Row(
                        c.getCoefficients().toArray(),
                        switch (c.getRelationship()) {
                            case EQ -> '=';
                            case LEQ -> '<';
                            case GEQ -> '>';
                        },
                        c.getValue()))
                .toList();
        List<Target> projected = new ArrayList<>();
        for (Target target : targets) {
            double[] row = new double[kept.length];
            for (int i = 0; i < kept.length; i++) {
                row[i] = target.sum()[kept[i]];
            }
            projected.add(new Target(target.table(), target.row(), target.column(), row));
        }
        targets = projected;
        this.rows = rows;
        List<Finding> findings = new ArrayList<>();
        for (Target target : targets) {
            double min = DenseSimplex.minimise(target.sum(), rows);
            double max = DenseSimplex.maximise(target.sum(), rows);
            findings.add(new Finding(
                    target.table(),
                    target.row(),
                    target.column(),
                    (long) Math.ceil(min - 1e-6),
                    Double.isInfinite(max) ? null : (long) Math.floor(max + 1e-6)));
        }
        return findings;
    }

    private List<String> worldCategories(String dimension) {
        return switch (dimension) {
            case "quarter" ->
                world.quarters().stream().map(q -> (q / 4) + "-Q" + (q % 4 + 1)).toList();
            case "year" ->
                world.quarters().stream()
                        .map(q -> String.valueOf(q / 4))
                        .distinct()
                        .toList();
            case "region" -> world.regions();
            default -> categories.get(dimension);
        };
    }

    /**
     * The least and greatest count of people a reader can deduce for any group, given as the axes it fixes (quarter as
     * its index, region, and dimensions by their words): a difference no table shows, for example.
     */
    static long[] bounds(World world, List<TableView> tables, Map<String, String> group) {
        var attack = new LinearAttack(world, tables);
        attack.run(tables);
        double[] sum = new double[attack.kept.length];
        for (int i = 0; i < attack.kept.length; i++) {
            var cell = attack.cells.get(attack.kept[i]);
            sum[i] = group.entrySet().stream().allMatch(e -> e.getValue().equals(cell.get(e.getKey()))) ? 1 : 0;
        }
        double min = DenseSimplex.minimise(sum, attack.rows);
        double max = DenseSimplex.maximise(sum, attack.rows);
        return new long[] {
            (long) Math.ceil(min - 1e-6), Double.isInfinite(max) ? Long.MAX_VALUE : (long) Math.floor(max + 1e-6)
        };
    }

    private boolean covers(TableView table, String row, String column, Map<String, String> cell) {
        int quarter = Integer.parseInt(cell.get("quarter"));
        if (table.from() != null && quarter < TableRequest.index(table.from())) {
            return false;
        }
        if (table.to() != null && quarter > TableRequest.index(table.to())) {
            return false;
        }
        if (table.region() != null && !table.region().equals(cell.get("region"))) {
            return false;
        }
        for (var shared : table.categories().entrySet()) {
            if (!shared.getValue().equals(cell.get(word(shared.getKey())))) {
                return false;
            }
        }
        return matches(table.rows(), row, cell, quarter) && matches(table.columns(), column, cell, quarter);
    }

    /** {@code AGE_GROUP} as a table names its dimension: {@code age-group}. */
    private static String word(String dimension) {
        return dimension.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static boolean matches(String dimension, String category, Map<String, String> cell, int quarter) {
        if (category == null) {
            return true;
        }
        return switch (dimension) {
            case "quarter" -> TableRequest.index(category) == quarter;
            case "year" -> Integer.parseInt(category) == quarter / 4;
            case "region" -> category.equals(cell.get("region"));
            default -> category.equals(cell.get(dimension));
        };
    }

    private static double solve(double[] objective, LinearConstraintSet constraints, GoalType goal) {
        try {
            return new SimplexSolver()
                    .optimize(
                            new MaxIter(500_000),
                            new LinearObjectiveFunction(objective, 0),
                            constraints,
                            goal,
                            new NonNegativeConstraint(true),
                            org.hipparchus.optim.linear.PivotSelectionRule.BLAND)
                    .getValue();
        } catch (MathIllegalStateException e) {
            if (e.getSpecifier() == LocalizedOptimFormats.UNBOUNDED_SOLUTION) {
                return Double.POSITIVE_INFINITY;
            }
            throw e;
        }
    }
}
