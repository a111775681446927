package org.opennrm.statistics;

import java.util.List;

/**
 * A two-way table of counts of people, by a row dimension and a column dimension, before disclosure
 * control. Totals are computed, never given: row totals, column totals and the grand total are what a
 * reader of the published table can add up against.
 */
record CountTable(
        String rowDimension, String columnDimension, List<String> rows, List<String> columns, long[][] counts) {

    CountTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        if (counts.length != rows.size()) {
            throw new IllegalArgumentException("one row of counts per row label is needed");
        }
        for (long[] row : counts) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("one count per column label is needed");
            }
            for (long count : row) {
                if (count < 0) {
                    throw new IllegalArgumentException("counts of people cannot be negative");
                }
            }
        }
    }

    long count(int row, int column) {
        return counts[row][column];
    }

    long rowTotal(int row) {
        long total = 0;
        for (long count : counts[row]) {
            total += count;
        }
        return total;
    }

    long columnTotal(int column) {
        long total = 0;
        for (long[] row : counts) {
            total += row[column];
        }
        return total;
    }

    long grandTotal() {
        long total = 0;
        for (int row = 0; row < rows.size(); row++) {
            total += rowTotal(row);
        }
        return total;
    }

    /**
     * The table with its totals as one grid of (rows + 1) x (columns + 1): the last column holds the row
     * totals, the last row the column totals, the corner the grand total.
     */
    long[][] withTotals() {
        int r = rows.size();
        int c = columns.size();
        long[][] grid = new long[r + 1][c + 1];
        for (int row = 0; row < r; row++) {
            for (int column = 0; column < c; column++) {
                grid[row][column] = counts[row][column];
                grid[row][c] += counts[row][column];
                grid[r][column] += counts[row][column];
                grid[r][c] += counts[row][column];
            }
        }
        return grid;
    }
}
