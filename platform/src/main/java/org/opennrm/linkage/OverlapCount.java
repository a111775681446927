package org.opennrm.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.FieldEncodings;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;
import org.opennrm.linkage.scoring.FieldLinkage;
import org.opennrm.linkage.scoring.ModelNotEstimated;

/**
 * Counts persons across several lists of encodings:
 *
 * <ol>
 *   <li>every pair of lists is linked and matched one to one, most alike first, as {@code link} of the
 *       command-line tool does: with the field-aware model when every list has field encodings (Fellegi-Sunter
 *       weights estimated from the two lists, the threshold a match probability), otherwise with the record-level
 *       Dice score (every pair at or above the threshold found exactly);
 *   <li>when asked, each list is also de-duplicated the same way ({@code dedup}), so that a person recorded twice
 *       by one agency counts once on its list;
 *   <li>a person is a connected component of the records joined by those links; the person is on every list
 *       that holds one of its records.
 * </ol>
 *
 * When the field-aware model cannot be estimated for a linkage between two lists (too few records, a field always
 * empty, lists that share too few people), the whole count falls back to the record-level score at the default
 * Dice threshold, and the result says why: never a silently wrong model. When it cannot be estimated within one
 * list (too few duplicates), nothing is merged in that list, and the result says so.
 *
 * <p>Components can chain (A like B, B like C), which the one-to-one matching between each pair of lists keeps
 * rare. The result is counts only: which record belongs to which person stays inside this method.
 */
final class OverlapCount {

    /** The combinations are kept as bit masks, and estimation needs few lists. */
    static final int MAX_LISTS = 12;

    private OverlapCount() {}

    /** How a run linked: the model, the Dice threshold when record-level, why the field model was not used. */
    record Method(LinkageModel model, Double diceThreshold, String fallback) {}

    /**
     * @param fields each list's field encodings, or null where a list has none
     * @param threshold a match probability when every list has field encodings, else a Dice similarity
     * @return the overlap table (labels in list order), the persons on each list, how the lists were linked and,
     *     with the field-aware model, what it expects of each linkage
     */
    static Result count(
            List<String> labels,
            List<Encodings> lists,
            List<FieldEncodings> fields,
            double threshold,
            boolean mergeWithinLists,
            Linkage linkage,
            FieldLinkage fieldLinkage) {
        if (labels.size() != lists.size() || lists.size() < 2 || lists.size() > MAX_LISTS) {
            throw new IllegalArgumentException("A run links 2 to " + MAX_LISTS + " lists, not " + lists.size());
        }
        if (fields.size() == lists.size() && fields.stream().allMatch(java.util.Objects::nonNull)) {
            List<RunQuality> quality = new ArrayList<>();
            try {
                var links = new Links() {
                    @Override
                    public int[] clusters(int list) {
                        // A list that holds few duplicates (an agency that de-duplicates its own records) gives
                        // the model too few to be estimated on: then the model expects hardly any, and nothing is
                        // merged in that list, which the run says. (The record-level score at 0.8 would merge
                        // people who share a popular name: 26 of 400 distinct people in the platform's test.)
                        try {
                            var deduplicated = fieldLinkage.dedup(lists.get(list), fields.get(list), threshold);
                            quality.add(new RunQuality(
                                    list,
                                    list,
                                    merged(deduplicated.clusters()),
                                    deduplicated.expectedPrecision(),
                                    deduplicated.expectedRecall(),
                                    null));
                            return deduplicated.clusters();
                        } catch (ModelNotEstimated e) {
                            quality.add(new RunQuality(list, list, 0, null, null, e.getMessage()));
                            return java.util.stream.IntStream.range(
                                            0, lists.get(list).size())
                                    .toArray();
                        }
                    }

                    @Override
                    public List<Match> matches(int a, int b) {
                        try {
                            var linked = fieldLinkage.link(
                                    lists.get(a), fields.get(a), lists.get(b), fields.get(b), threshold, Mode.EXACT);
                            quality.add(new RunQuality(
                                    a,
                                    b,
                                    linked.matches().size(),
                                    linked.expectedPrecision(),
                                    linked.expectedRecall(),
                                    null));
                            return linked.matches();
                        } catch (ModelNotEstimated e) {
                            // the library calls the two lists A and B
                            throw new ModelNotEstimated(
                                    labels.get(a) + " (A) and " + labels.get(b) + " (B): " + e.getMessage());
                        }
                    }
                };
                var result = count(labels, lists, mergeWithinLists, links);
                // within lists first, then the pairs of lists, as the table reads best
                quality.sort(java.util.Comparator.comparing((RunQuality q) -> !q.withinList())
                        .thenComparing(RunQuality::listA)
                        .thenComparing(RunQuality::listB));
                return result.with(new Method(LinkageModel.FIELD, null, null), quality);
            } catch (ModelNotEstimated e) {
                return count(labels, lists, mergeWithinLists, records(lists, LinkageRuns.DEFAULT_THRESHOLD, linkage))
                        .with(
                                new Method(LinkageModel.RECORD, LinkageRuns.DEFAULT_THRESHOLD, e.getMessage()),
                                List.of());
            }
        }
        return count(labels, lists, mergeWithinLists, records(lists, threshold, linkage))
                .with(new Method(LinkageModel.RECORD, threshold, null), List.of());
    }

    /** Records merged into another record of their list: records less clusters. */
    private static int merged(int[] clusters) {
        return clusters.length
                - (int) java.util.Arrays.stream(clusters).distinct().count();
    }

    /** The links a count is made of: clusters within a list, one-to-one matches between two lists. */
    private interface Links {
        int[] clusters(int list);

        List<Match> matches(int a, int b);
    }

    /** The record-level Dice score: exact linkage at the threshold. */
    private static Links records(List<Encodings> lists, double threshold, Linkage linkage) {
        return new Links() {
            @Override
            public int[] clusters(int list) {
                return linkage.dedup(lists.get(list), threshold);
            }

            @Override
            public List<Match> matches(int a, int b) {
                return linkage.link(lists.get(a), lists.get(b), threshold, Mode.EXACT);
            }
        };
    }

    private static Result count(List<String> labels, List<Encodings> lists, boolean mergeWithinLists, Links links) {
        int[] offset = new int[lists.size() + 1];
        for (int l = 0; l < lists.size(); l++) {
            offset[l + 1] = offset[l] + lists.get(l).size();
        }
        var persons = new Components(offset[lists.size()]);
        if (mergeWithinLists) {
            for (int l = 0; l < lists.size(); l++) {
                int[] cluster = links.clusters(l);
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
                for (Match match : links.matches(a, b)) {
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
        return new Result(new OverlapTable(labels, rows), perList, null, List.of());
    }

    /** Single lists first, then pairs and so on; within a size, the first list's rows first (as in UKdat.csv). */
    static final Comparator<OverlapTable.Row> ROW_ORDER = Comparator.<OverlapTable.Row>comparingLong(
                    row -> row.on().stream().filter(Boolean::booleanValue).count())
            .thenComparing(OverlapTable.Row::combination, Comparator.reverseOrder());

    record Result(OverlapTable table, int[] personsPerList, Method method, List<RunQuality> quality) {

        Result with(Method chosen, List<RunQuality> expected) {
            return new Result(table, personsPerList, chosen, List.copyOf(expected));
        }
    }

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
