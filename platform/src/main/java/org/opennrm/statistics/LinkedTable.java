package org.opennrm.statistics;

import java.util.List;

/**
 * One published (or about to be published) table as the joint disclosure check reads it: every cell of its grid of
 * (rows + 1) x (columns + 1) positions (the last row and column are the totals) with the cell's definition and the
 * value published, or null where it was suppressed. An attacker knows that each row and column adds up to its total.
 *
 * @param source who published it: a release's title and table number, or "this release"
 */
record LinkedTable(String source, int rows, int columns, List<Cell> cells) {

    LinkedTable {
        cells = List.copyOf(cells);
        if (cells.size() != (rows + 1) * (columns + 1)) {
            throw new IllegalArgumentException("a linked table holds every position of its grid, totals included");
        }
    }

    /**
     * One cell: where it sits, what it counts, the value published (null when suppressed), the rounding it was
     * published with and, when suppressed, why.
     */
    record Cell(
            int row, int column, CellDefinition definition, Long value, Rounding rounding, Suppression.Reason reason) {}

    /** The table of a release as published: definitions from its request, values from its view. */
    static LinkedTable of(String source, TableView view) {
        var request = TableRequest.of(
                view.rows(), view.columns(), view.event().name(), view.from(), view.to(), view.region());
        var grid = view.asProtectedTable();
        int height = view.rowCategories().size();
        int width = view.columnCategories().size();
        var rounding = view.disclosure().rounding();
        var reasons = new Suppression.Reason[height + 1][width + 1];
        for (var suppression : view.disclosure().suppressions()) {
            int r = suppression.row() == null ? height : view.rowCategories().indexOf(suppression.row());
            int c = suppression.column() == null
                    ? width
                    : view.columnCategories().indexOf(suppression.column());
            if (r >= 0 && c >= 0) {
                reasons[r][c] = suppression.reason();
            }
        }
        List<Cell> cells = new java.util.ArrayList<>();
        for (int r = 0; r <= height; r++) {
            for (int c = 0; c <= width; c++) {
                var definition = CellDefinition.of(
                        request,
                        view.categories(),
                        r < height ? view.rowCategories().get(r) : null,
                        c < width ? view.columnCategories().get(c) : null);
                Long value = grid.cells()[r][c];
                var reason =
                        value == null ? (reasons[r][c] == null ? Suppression.Reason.SECONDARY : reasons[r][c]) : null;
                cells.add(new Cell(r, c, definition, value, rounding, reason));
            }
        }
        return new LinkedTable(source, height, width, cells);
    }

    Cell at(int row, int column) {
        return cells.get(row * (columns + 1) + column);
    }
}
