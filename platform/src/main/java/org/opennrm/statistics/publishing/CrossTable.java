package org.opennrm.statistics.publishing;

import java.util.List;

/**
 * A cross-table as it may be shown outside the statistics office, after disclosure control and the joint check
 * against everything published: a withheld count is null.
 *
 * @param minimumCellSize the threshold below which a non-zero count is withheld
 * @param withheld how many counts (cells and totals) disclosure control withheld, for whatever reason
 */
public record CrossTable(
        String event,
        String rows,
        String columns,
        List<String> rowCategories,
        List<String> columnCategories,
        List<List<Long>> cells,
        List<Long> rowTotals,
        List<Long> columnTotals,
        Long grandTotal,
        int minimumCellSize,
        long withheld) {}
