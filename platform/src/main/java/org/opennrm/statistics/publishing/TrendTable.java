package org.opennrm.statistics.publishing;

import java.util.List;

/**
 * A trend series as it may be shown outside the statistics office: counts per quarter (every quarter from the first
 * to the last asked for, a quarter without facts as 0) and per category of the breakdown, after disclosure control
 * and the joint check against everything published. A withheld count is null; the totals are the quarter's count
 * over all categories (null when withheld).
 *
 * @param categories the breakdown's categories (codes), empty for a total alone
 * @param cells per quarter, per category
 * @param minimumCellSize the threshold below which a non-zero count is withheld
 * @param withheld how many counts disclosure control withheld, for whatever reason
 */
public record TrendTable(
        String event,
        String breakdown,
        List<String> quarters,
        List<String> categories,
        List<List<Long>> cells,
        List<Long> totals,
        int minimumCellSize,
        long withheld) {

    public TrendTable {
        quarters = List.copyOf(quarters);
        categories = List.copyOf(categories);
        cells = cells.stream().map(java.util.Collections::unmodifiableList).toList();
        totals = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(totals));
    }

    /** One category's counts, quarter by quarter (null where withheld). */
    public List<Long> series(int category) {
        return cells.stream().map(row -> row.get(category)).toList();
    }
}
