package org.opennrm.statistics;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one published cell counts, written so that the same cell reads the same whichever table shows it: the event,
 * the quarters it covers (a period filter and a {@code YEAR} or {@code QUARTER} category are the same thing), the
 * region (a filter or a {@code REGION} category), and the categories of the other dimensions, in a fixed order. The
 * margin "women" of a sex-by-age table and of a sex-by-form table is one cell; so is the grand total of every table
 * of one event, period and region.
 *
 * <p>Limit: "all periods" and an explicit period that happens to cover every fact are different definitions, though
 * they count the same facts.
 */
record CellDefinition(
        EventKind event, Integer firstQuarter, Integer lastQuarter, String region, Map<String, String> categories) {

    CellDefinition {
        categories = new TreeMap<>(categories);
    }

    /** The cell of a table at a row and a column category; null for the table's total row or column. */
    static CellDefinition of(TableRequest request, String rowCategory, String columnCategory) {
        return of(request, Map.of(), rowCategory, columnCategory);
    }

    /**
     * The cell of a table whose cells all share some categories besides their row and column (an agency's figures:
     * the agency, the measure, a slice of its breakdown).
     */
    static CellDefinition of(
            TableRequest request, Map<String, String> shared, String rowCategory, String columnCategory) {
        Integer first = request.from() == null ? null : TableRequest.index(request.from());
        Integer last = request.to() == null ? null : TableRequest.index(request.to());
        String region = request.region();
        Map<String, String> categories = new TreeMap<>(shared);
        for (var constraint : new Object[][] {{request.rows(), rowCategory}, {request.columns(), columnCategory}}) {
            var dimension = (Dimension) constraint[0];
            var category = (String) constraint[1];
            if (category == null) {
                continue;
            }
            switch (dimension) {
                case YEAR -> {
                    int year = Integer.parseInt(category);
                    first = first == null ? year * 4 : Math.max(first, year * 4);
                    last = last == null ? year * 4 + 3 : Math.min(last, year * 4 + 3);
                }
                case QUARTER -> {
                    int quarter = TableRequest.index(category);
                    first = first == null ? quarter : Math.max(first, quarter);
                    last = last == null ? quarter : Math.min(last, quarter);
                }
                case REGION -> region = category;
                default -> categories.put(dimension.name(), category);
            }
        }
        return new CellDefinition(request.event(), first, last, region, categories);
    }

    /** The definition as one line of text, the same for the same cell in any table. */
    String canonical() {
        return event + "|" + (firstQuarter == null ? "*" : firstQuarter) + "-"
                + (lastQuarter == null ? "*" : lastQuarter) + "|" + (region == null ? "*" : region) + "|" + categories;
    }
}
