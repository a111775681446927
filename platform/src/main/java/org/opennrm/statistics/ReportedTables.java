package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Agencies' figures as candidate tables of a release ({@link ReportedFigures#slices()}): every slice with its counts,
 * the counts of persons from 1 to fewer than the minimum cell size withheld (primary, as in a national table), and the
 * classical secondary heuristic of {@link DisclosureControl} over the whole cube (every line of it along sex, age or
 * form, margins included, that has exactly one withheld position gets a second: the smallest non-zero one), the same
 * position withheld in every slice that shows it. The joint check ({@link JointDisclosure}) then proves it by linear
 * programming across the slices and against everything already published, and withholds more where needed, exactly
 * as for national tables. Not rounded: like the rest of a return,
 * its lines must add up to its totals.
 */
final class ReportedTables {

    private ReportedTables() {}

    /** The request a slice is read back and checked by (its period; its event is an agency's figure). */
    static TableRequest request(ReportedFigures figures, ReportedFigures.Slice slice) {
        return new TableRequest(
                slice.rows(), slice.columns(), EventKind.AGENCY_FIGURE, figures.from(), figures.to(), null);
    }

    static List<JointDisclosure.Candidate> candidates(
            List<ReportedFigures> reported, int minimumCellSize, int protectionRange, int first) {
        List<JointDisclosure.Candidate> candidates = new ArrayList<>();
        for (var figures : reported) {
            var withheld = withheld(figures, minimumCellSize);
            for (var slice : figures.slices()) {
                var request = request(figures, slice);
                int height = slice.rowCategories().size();
                int width = slice.columnCategories().size();
                Long[][] grid = new Long[height + 1][width + 1];
                long[][] counts = new long[height + 1][width + 1];
                List<Suppression> suppressions = new ArrayList<>();
                long primary = 0;
                for (int r = 0; r <= height; r++) {
                    for (int c = 0; c <= width; c++) {
                        var position = slice.positions()[r][c];
                        Long count = figures.count(position.sex(), position.age(), position.form());
                        counts[r][c] = count == null ? 0 : count;
                        var reason = withheld.get(position);
                        if (reason != null) {
                            suppressions.add(new Suppression(
                                    r < height ? slice.rowCategories().get(r) : null,
                                    c < width ? slice.columnCategories().get(c) : null,
                                    reason,
                                    0,
                                    null));
                            primary += reason == Suppression.Reason.PRIMARY ? 1 : 0;
                        } else {
                            grid[r][c] = count;
                        }
                    }
                }
                List<List<Long>> cells = new ArrayList<>();
                List<Long> rowTotals = new ArrayList<>();
                for (int r = 0; r < height; r++) {
                    cells.add(java.util.Arrays.asList(java.util.Arrays.copyOf(grid[r], width)));
                    rowTotals.add(grid[r][width]);
                }
                var view = new TableView(
                        request.rows().word(),
                        request.columns().word(),
                        EventKind.AGENCY_FIGURE,
                        figures.from(),
                        figures.to(),
                        null,
                        slice.rowCategories(),
                        slice.columnCategories(),
                        cells,
                        rowTotals,
                        java.util.Arrays.asList(java.util.Arrays.copyOf(grid[height], width)),
                        grid[height][width],
                        new DisclosureCheck(
                                minimumCellSize,
                                protectionRange,
                                Rounding.NONE,
                                suppressions,
                                primary,
                                suppressions.size() - primary),
                        slice.categories());
                candidates.add(new JointDisclosure.Candidate(
                        "table " + (first + candidates.size() + 1), request, view, counts));
            }
        }
        return candidates;
    }

    /**
     * The positions of the cube withheld before the joint check: the small counts of persons (primary), then the
     * secondary heuristic over every line of the cube. None for a measure of proceedings or documents.
     */
    static java.util.Map<ReportedFigures.Position, Suppression.Reason> withheld(
            ReportedFigures figures, int minimumCellSize) {
        java.util.Map<ReportedFigures.Position, Suppression.Reason> withheld = new java.util.LinkedHashMap<>();
        if (!figures.persons()) {
            return withheld;
        }
        List<String> sexes = with(figures.sexes());
        List<String> ages = with(figures.ages());
        List<String> forms = with(figures.forms());
        java.util.Map<ReportedFigures.Position, Long> counts = new java.util.HashMap<>();
        for (String sex : sexes) {
            for (String age : ages) {
                for (String form : forms) {
                    var position = new ReportedFigures.Position(sex, age, form);
                    Long count = figures.count(sex, age, form);
                    counts.put(position, count);
                    if (count != null && count > 0 && count < minimumCellSize) {
                        withheld.put(position, Suppression.Reason.PRIMARY);
                    }
                }
            }
        }
        // every line of the cube: along forms, along ages, along sexes (each with its margin)
        List<List<ReportedFigures.Position>> lines = new ArrayList<>();
        for (String sex : sexes) {
            for (String age : ages) {
                lines.add(forms.stream()
                        .map(f -> new ReportedFigures.Position(sex, age, f))
                        .toList());
            }
            for (String form : forms) {
                lines.add(ages.stream()
                        .map(a -> new ReportedFigures.Position(sex, a, form))
                        .toList());
            }
        }
        for (String age : ages) {
            for (String form : forms) {
                lines.add(sexes.stream()
                        .map(x -> new ReportedFigures.Position(x, age, form))
                        .toList());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var line : lines) {
                long suppressed = line.stream().filter(withheld::containsKey).count();
                if (suppressed != 1) {
                    continue;
                }
                ReportedFigures.Position smallest = null;
                for (var position : line) {
                    Long count = counts.get(position);
                    if (!withheld.containsKey(position)
                            && count != null
                            && count > 0
                            && (smallest == null || count < counts.get(smallest))) {
                        smallest = position;
                    }
                }
                if (smallest != null) {
                    withheld.put(smallest, Suppression.Reason.SECONDARY);
                    changed = true;
                }
            }
        }
        return withheld;
    }

    private static List<String> with(List<String> categories) {
        List<String> all = new ArrayList<>(categories);
        all.add(ReportedFigures.ALL);
        return all;
    }
}
