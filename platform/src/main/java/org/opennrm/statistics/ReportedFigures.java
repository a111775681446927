package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measure of an agency's approved figures for a period (persons convicted by the courts in 2025, say), as the
 * agency reported it: lines of disjoint counts by sex, child or adult, and form, {@code ALL} where the agency did not
 * break a line down. Published with an official return as tables of {@link EventKind#AGENCY_FIGURE} whose every cell
 * names the agency, the measure and its categories ({@link CellDefinition}), so that the publication ledger and the
 * joint disclosure check treat them like any other published cell.
 *
 * <p>The lines are laid out as the cube of every sex x age group x form with its margins (the margins are what the
 * agency's lines add up to: an attacker knows them even where they are not printed), in two families of two-way
 * slices: for every age group and for all ages, sex by form; for every sex and for all sexes, age group by form.
 * Every line of the cube (along sex, along age, along form) is a row or a column of one slice, so the joint check's
 * linear system holds the whole cube. A position whose count the lines do not settle (a line {@code ALL} across a
 * position that splits it) is not published.
 *
 * @param persons whether the measure counts persons: then counts of 1 to fewer than the minimum cell size are withheld
 *     (primary) and the joint check withholds more until none can be recovered or narrowed below the protection range;
 *     a measure of proceedings or documents has no primary suppression
 * @param from first quarter of the period, as {@code 2025-Q1}
 * @param to last quarter of the period
 */
public record ReportedFigures(
        String agency,
        String measure,
        boolean persons,
        String from,
        String to,
        List<String> sexes,
        List<String> ages,
        List<String> forms,
        List<Line> lines) {

    /** "Not broken down by this dimension". */
    public static final String ALL = "ALL";

    public ReportedFigures {
        sexes = List.copyOf(sexes);
        ages = List.copyOf(ages);
        forms = List.copyOf(forms);
        lines = List.copyOf(lines);
    }

    /** One line as the agency reported it. */
    public record Line(String sex, String ageGroup, String form, long count) {}

    /** The categories every cell of the measure's tables shares: the agency and the measure. */
    Map<String, String> shared() {
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("AGENCY", agency);
        shared.put("MEASURE", measure);
        return shared;
    }

    /**
     * The count of a position of the cube ({@code ALL} for a margin): the sum of the lines inside it, or null when a
     * line crosses it (covers part of it and more), so that its count is not known.
     */
    Long count(String sex, String age, String form) {
        long sum = 0;
        for (var line : lines) {
            int inside = 0;
            boolean apart = false;
            for (String[] pair : new String[][] {{sex, line.sex()}, {age, line.ageGroup()}, {form, line.form()}}) {
                if (pair[0].equals(ALL) || pair[0].equals(pair[1])) {
                    inside++;
                } else if (!pair[1].equals(ALL)) {
                    apart = true;
                }
            }
            if (apart) {
                continue;
            }
            if (inside < 3) {
                return null;
            }
            sum += line.count();
        }
        return sum;
    }

    /** One two-way slice: its shared categories, its dimensions and categories, and the positions of the cube. */
    record Slice(
            Map<String, String> categories,
            Dimension rows,
            List<String> rowCategories,
            Dimension columns,
            List<String> columnCategories,
            Position[][] positions) {}

    /** A position of the cube: sex, age group and form, {@code ALL} for a margin. */
    record Position(String sex, String age, String form) {}

    /** The slices the measure is published as: sex by form per age group (all ages last), then age by form per sex. */
    List<Slice> slices() {
        List<Slice> slices = new ArrayList<>();
        List<String> ageSlices = new ArrayList<>(ages);
        ageSlices.add(ALL);
        for (String age : ageSlices) {
            var categories = shared();
            if (!age.equals(ALL)) {
                categories.put(Dimension.AGE_GROUP.name(), age);
            }
            var positions = new Position[sexes.size() + 1][forms.size() + 1];
            for (int r = 0; r <= sexes.size(); r++) {
                for (int c = 0; c <= forms.size(); c++) {
                    positions[r][c] = new Position(
                            r < sexes.size() ? sexes.get(r) : ALL, age, c < forms.size() ? forms.get(c) : ALL);
                }
            }
            slices.add(new Slice(categories, Dimension.SEX, sexes, Dimension.EXPLOITATION_FORM, forms, positions));
        }
        if (ages.isEmpty()) {
            return slices;
        }
        List<String> sexSlices = new ArrayList<>(sexes);
        sexSlices.add(ALL);
        for (String sex : sexSlices) {
            var categories = shared();
            if (!sex.equals(ALL)) {
                categories.put(Dimension.SEX.name(), sex);
            }
            var positions = new Position[ages.size() + 1][forms.size() + 1];
            for (int r = 0; r <= ages.size(); r++) {
                for (int c = 0; c <= forms.size(); c++) {
                    positions[r][c] = new Position(
                            sex, r < ages.size() ? ages.get(r) : ALL, c < forms.size() ? forms.get(c) : ALL);
                }
            }
            slices.add(new Slice(categories, Dimension.AGE_GROUP, ages, Dimension.EXPLOITATION_FORM, forms, positions));
        }
        return slices;
    }
}
