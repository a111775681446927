package org.opennrm.statistics;

import java.util.List;

/**
 * A table as it may be published: {@code cells} has (rows + 1) x (columns + 1) entries, the last column
 * the row totals, the last row the column totals; a suppressed entry is null. With the disclosure check that
 * made it.
 */
record ProtectedTable(
        String rowDimension,
        String columnDimension,
        List<String> rows,
        List<String> columns,
        Long[][] cells,
        DisclosureCheck check) {

    Long cell(int row, int column) {
        return cells[row][column];
    }

    Long rowTotal(int row) {
        return cells[row][columns.size()];
    }

    Long columnTotal(int column) {
        return cells[rows.size()][column];
    }

    Long grandTotal() {
        return cells[rows.size()][columns.size()];
    }
}
