package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A published table for JSON and the dashboard: categories, values (null = suppressed), totals and the
 * disclosure check.
 */
public record TableView(
        String rows,
        String columns,
        EventKind event,
        String from,
        String to,
        String region,
        List<String> rowCategories,
        List<String> columnCategories,
        List<List<Long>> cells,
        List<Long> rowTotals,
        List<Long> columnTotals,
        Long grandTotal,
        DisclosureCheck disclosure,
        java.util.Map<String, String> categories) {

    /**
     * @param categories what every cell of the table shares besides its row and column (for an agency's figures: the
     *     agency, the measure and, for a slice of its breakdown, an age group); empty for a national table
     */
    public TableView {
        categories = categories == null ? java.util.Map.of() : new java.util.TreeMap<>(categories);
    }

    /**
     * This table with other values: {@code grid} holds the cells with each row's total after them and the column
     * totals as its last row (null where withheld), as {@link ProtectedTable#cells()} gives them.
     */
    TableView withGrid(Long[][] grid, DisclosureCheck check) {
        int height = rowCategories.size();
        int width = columnCategories.size();
        List<List<Long>> values = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            values.add(java.util.Arrays.asList(java.util.Arrays.copyOf(grid[r], width)));
            totals.add(grid[r][width]);
        }
        return new TableView(
                rows,
                columns,
                event,
                from,
                to,
                region,
                rowCategories,
                columnCategories,
                values,
                totals,
                java.util.Arrays.asList(java.util.Arrays.copyOf(grid[height], width)),
                grid[height][width],
                check,
                categories);
    }

    static TableView of(TableRequest request, ProtectedTable table) {
        List<List<Long>> cells = new ArrayList<>();
        List<Long> rowTotals = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<Long> line = new ArrayList<>();
            for (int c = 0; c < table.columns().size(); c++) {
                line.add(table.cell(r, c));
            }
            cells.add(line);
            rowTotals.add(table.rowTotal(r));
        }
        List<Long> columnTotals = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            columnTotals.add(table.columnTotal(c));
        }
        return new TableView(
                request.rows().word(),
                request.columns().word(),
                request.event(),
                request.from(),
                request.to(),
                request.region(),
                table.rows(),
                table.columns(),
                cells,
                rowTotals,
                columnTotals,
                table.grandTotal(),
                table.check(),
                java.util.Map.of());
    }

    /** Back to the grid form that files are written from. */
    ProtectedTable asProtectedTable() {
        int height = rowCategories.size();
        int width = columnCategories.size();
        Long[][] grid = new Long[height + 1][width + 1];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                grid[r][c] = cells.get(r).get(c);
            }
            grid[r][width] = rowTotals.get(r);
        }
        for (int c = 0; c < width; c++) {
            grid[height][c] = columnTotals.get(c);
        }
        grid[height][width] = grandTotal;
        return new ProtectedTable(rows, columns, rowCategories, columnCategories, grid, disclosure);
    }
}
