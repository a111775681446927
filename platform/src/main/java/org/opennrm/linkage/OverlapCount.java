package org.opennrm.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;

/**
 * Counts persons across several lists of encodings, with the library's exact linkage:
 *
 * <ol>
 *   <li>every pair of lists is linked exactly (every pair of records at or above the threshold is found) and
 *       matched one to one, most similar first, as {@code link} of the command-line tool does;
 *   <li>when asked, each list is also de-duplicated at the same threshold ({@code dedup}), so that a person
 *       recorded twice by one agency counts once on its list;
 *   <li>a person is a connected component of the records joined by those links; the person is on every list
 *       that holds one of its records.
 * </ol>
 *
 * Components can chain (A like B, B like C), which the one-to-one matching between each pair of lists keeps rare.
 * The result is counts only: which record belongs to which person stays inside this method.
 */
final class OverlapCount {

    /** The combinations are kept as bit masks, and estimation needs few lists. */
    static final int MAX_LISTS = 12;

    private OverlapCount() {}

    /**
     * @return the overlap table (labels in list order) and the persons on each list
     */
    static Result count(
            List<String> labels, List<Encodings> lists, double threshold, boolean mergeWithinLists, Linkage linkage) {
        if (labels.size() != lists.size() || lists.size() < 2 || lists.size() > MAX_LISTS) {
            throw new IllegalArgumentException("A run links 2 to " + MAX_LISTS + " lists, not " + lists.size());
        }
        int[] offset = new int[lists.size() + 1];
        for (int l = 0; l < lists.size(); l++) {
            offset[l + 1] = offset[l] + lists.get(l).size();
        }
        var persons = new Components(offset[lists.size()]);
        if (mergeWithinLists) {
            for (int l = 0; l < lists.size(); l++) {
                int[] cluster = linkage.dedup(lists.get(l), threshold);
                int[] firstOfCluster = new int[cluster.length];
                java.util.Arrays.fill(firstOfCluster, -1);
                for (int r = 0; r < cluster.length; r++) {
                    if (firstOfCluster[cluster[r]] < 0) {
                        firstOfCluster[cluster[r]] = r;
                    } else {
                        persons.join(offset[l] + firstOfCluster[cluster[r]], offset[l] + r);
                    }
                }
            }
        }
        for (int a = 0; a < lists.size(); a++) {
            for (int b = a + 1; b < lists.size(); b++) {
                for (Match match : linkage.link(lists.get(a), lists.get(b), threshold, Mode.EXACT)) {
                    persons.join(offset[a] + match.a(), offset[b] + match.b());
                }
            }
        }
        int[] listsOfPerson = new int[offset[lists.size()]];
        for (int l = 0; l < lists.size(); l++) {
            for (int r = offset[l]; r < offset[l + 1]; r++) {
                listsOfPerson[persons.root(r)] |= 1 << l;
            }
        }
        Map<Integer, Integer> byMask = new TreeMap<>();
        int[] perList = new int[lists.size()];
        for (int mask : listsOfPerson) {
            if (mask != 0) {
                byMask.merge(mask, 1, Integer::sum);
                for (int l = 0; l < lists.size(); l++) {
                    if ((mask & (1 << l)) != 0) {
                        perList[l]++;
                    }
                }
            }
        }
        List<OverlapTable.Row> rows = new ArrayList<>();
        byMask.forEach((mask, count) -> {
            List<Boolean> on = new ArrayList<>();
            for (int l = 0; l < lists.size(); l++) {
                on.add((mask & (1 << l)) != 0);
            }
            rows.add(new OverlapTable.Row(on, count));
        });
        rows.sort(ROW_ORDER);
        return new Result(new OverlapTable(labels, rows), perList);
    }

    /** Single lists first, then pairs and so on; within a size, the first list's rows first (as in UKdat.csv). */
    static final Comparator<OverlapTable.Row> ROW_ORDER = Comparator.<OverlapTable.Row>comparingLong(
                    row -> row.on().stream().filter(Boolean::booleanValue).count())
            .thenComparing(OverlapTable.Row::combination, Comparator.reverseOrder());

    record Result(OverlapTable table, int[] personsPerList) {}

    /** Union-find over all records of all lists. */
    private static final class Components {

        private final int[] parent;

        Components(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        void join(int a, int b) {
            int rootA = root(a);
            int rootB = root(b);
            if (rootA != rootB) {
                parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
            }
        }

        int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
    }
}
