package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A published table for JSON and the dashboard: categories, values (null = suppressed), totals and the
 * disclosure check.
 */
record TableView(
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
        DisclosureCheck disclosure) {

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
                table.check());
    }
}
