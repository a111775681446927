package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which cells of a list-overlap table counted from the platform's cases may be shown on screen next to the
 * estimate. A cell below the minimum cell size is withheld (primary suppression). Because the estimate shows how
 * many people were seen on at least one list (and, per model, the total and the hidden number, whose difference is
 * the same), one withheld cell could be worked out by subtraction; so more cells are withheld, smallest first, until
 * at least two are withheld and together they hold at least the minimum (secondary suppression). Then the
 * subtraction gives only a sum of at least the minimum over two or more cells.
 */
final class OverlapCellsShown {

    private OverlapCellsShown() {}

    /** The indexes of the cells to withhold, given the counts in table order. */
    static Set<Integer> withheld(List<Long> counts, int minimumCellSize) {
        var withheld = new TreeSet<Integer>();
        long withheldSum = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) < minimumCellSize) {
                withheld.add(i);
                withheldSum += counts.get(i);
            }
        }
        if (withheld.isEmpty()) {
            return withheld;
        }
        var shown = new ArrayList<Integer>();
        for (int i = 0; i < counts.size(); i++) {
            if (!withheld.contains(i)) {
                shown.add(i);
            }
        }
        shown.sort(Comparator.comparingLong(counts::get));
        for (int next : shown) {
            if (withheld.size() >= 2 && withheldSum >= minimumCellSize) {
                break;
            }
            withheld.add(next);
            withheldSum += counts.get(next);
        }
        return withheld;
    }
}
