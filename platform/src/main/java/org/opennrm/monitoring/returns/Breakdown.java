package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.opennrm.statistics.publishing.FactGroup;

/**
 * Counts a set of fact groups (the section's universe: everything its total counts) by a classifier into a section:
 * the categories in the order the body lists them (zero where nobody), then any other category met (alphabetical),
 * then "unknown". In an additive section every fact is in at most one category and "unknown" is the total minus the
 * known categories, so the difference is always shown; in a section counted under each form mentioned a fact may be
 * in several and "unknown" counts those with none.
 */
final class Breakdown {

    private Breakdown() {}

    static Section of(
            String key,
            String dimension,
            String universe,
            List<FactGroup> groups,
            Function<FactGroup, Collection<String>> classifier,
            List<String> order,
            boolean additive) {
        long total = 0;
        long none = 0;
        Map<String, Long> known = new LinkedHashMap<>();
        order.forEach(category -> known.put(category, 0L));
        Map<String, Long> others = new TreeMap<>();
        for (FactGroup group : groups) {
            total += group.facts();
            Collection<String> categories = classifier.apply(group);
            if (additive && categories.size() > 1) {
                throw new IllegalStateException("an additive breakdown put one fact in " + categories);
            }
            if (categories.isEmpty()) {
                none += group.facts();
            }
            for (String category : categories) {
                if (category == null || ReturnCell.UNKNOWN.equals(category)) {
                    none += group.facts();
                } else if (known.containsKey(category)) {
                    known.merge(category, group.facts(), Long::sum);
                } else {
                    others.merge(category, group.facts(), Long::sum);
                }
            }
        }
        known.putAll(others);
        String verb = additive ? " = " : " mentions ";
        List<ReturnCell> parts = new ArrayList<>();
        long sumKnown = 0;
        for (var entry : known.entrySet()) {
            parts.add(new ReturnCell(
                    entry.getKey(), entry.getValue(), universe + "; " + dimension + verb + entry.getKey()));
            sumKnown += entry.getValue();
        }
        if (additive) {
            parts.add(new ReturnCell(
                    ReturnCell.UNKNOWN,
                    total - sumKnown,
                    universe + "; " + dimension + " not recorded (the total minus the categories above)"));
        } else {
            parts.add(new ReturnCell(ReturnCell.UNKNOWN, none, universe + "; no " + dimension + " recorded"));
        }
        return new Section(key, dimension, new ReturnCell(ReturnCell.TOTAL, total, universe), parts, additive);
    }

    /** One category or none: for additive breakdowns. */
    static Function<FactGroup, Collection<String>> single(Function<FactGroup, String> category) {
        return group -> {
            String value = category.apply(group);
            return value == null ? List.of() : List.of(value);
        };
    }
}
