package org.opennrm.monitoring.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennrm.RuleViolation;

/**
 * An open-sdg data file of indicator 16.2.2 (one row per year and disaggregation, the other columns empty), as a
 * national statistical office lays it out: its column headings, which return section each disaggregation column reads,
 * the labels of its categories (several codes may share one label, and are then added), and how many decimals. National
 * series differ in all of these (Moldova's and Montenegro's do not share a column), so the layout is data, not code.
 *
 * @param units the heading of a units column (rows for counts and for rates), or null for rates only
 * @param decimals decimals of a rate; {@code keepZeros} writes 1.60 rather than 1.6
 */
record OpenSdgLayout(
        String yearHeading,
        String units,
        List<Disaggregation> disaggregations,
        String valueHeading,
        int decimals,
        boolean keepZeros) {

    /**
     * A disaggregation column.
     *
     * @param section the return section it reads ({@code sex}, {@code age-group}, {@code form}, {@code destination})
     * @param labels category code to label, in the order the rows are written
     * @param otherLabel the label of every category not listed (and of "several"), or null to leave them out
     * @param ownPopulation rates over the population of the category (women per 100,000 women), not the whole
     */
    record Disaggregation(
            String heading, String section, Map<String, String> labels, String otherLabel, boolean ownPopulation) {
        Disaggregation {
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    /** The layout the platform ships: open-sdg's common columns with codes as SDMX names them. */
    static final OpenSdgLayout STANDARD = new OpenSdgLayout(
            "Year",
            "Units",
            List.of(
                    new Disaggregation(
                            "Sex", "sex", Map.of(Codings.FEMALE, "Female", Codings.MALE, "Male"), null, true),
                    new Disaggregation(
                            "Age",
                            "age-group",
                            linked(Codings.CHILD, "aged 0-17 years", Codings.ADULT, "aged 18 years and over"),
                            null,
                            true),
                    new Disaggregation(
                            "Exploitation_Type",
                            "form",
                            linked(
                                    "SEXUAL_EXPLOITATION", "sexual_exploitation",
                                    "FORCED_LABOUR", "labour_exploitation",
                                    "FORCED_BEGGING", "forced_begging",
                                    "FORCED_MARRIAGE", "forced_marriage"),
                            "other",
                            false)),
            "Value",
            2,
            true);

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    List<String> headings() {
        List<String> headings = new ArrayList<>();
        headings.add(yearHeading);
        if (units != null) {
            headings.add(units);
        }
        disaggregations.forEach(d -> headings.add(d.heading()));
        headings.add(valueHeading);
        return headings;
    }

    /**
     * The rows of one year: the total, then each disaggregation's categories. A figure withheld by disclosure control
     * is an empty value. Refused when the population of the year (or of a group a rate needs) is not loaded.
     */
    List<List<String>> rows(int year, Figures figures, Population population, List<String> sections) {
        List<List<String>> rows = new ArrayList<>();
        String anySection = sections.getFirst();
        List<String> kinds =
                units == null ? List.of("per_100000_population") : List.of("count", "per_100000_population");
        for (String kind : kinds) {
            rows.add(row(year, kind, -1, null, value(kind, figures.total(anySection), total(year, population))));
            for (int column = 0; column < disaggregations.size(); column++) {
                var disaggregation = disaggregations.get(column);
                for (var entry : groups(disaggregation, figures).entrySet()) {
                    Long count = sum(figures, disaggregation.section(), entry.getValue());
                    long denominator = disaggregation.ownPopulation()
                            ? groupPopulation(year, population, entry.getValue())
                            : total(year, population);
                    rows.add(row(year, kind, column, entry.getKey(), value(kind, count, denominator)));
                }
            }
        }
        return rows;
    }

    /* label -> the codes written under it; the "other" label gathers every code met that is not listed */
    private Map<String, List<String>> groups(Disaggregation disaggregation, Figures figures) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        disaggregation.labels().forEach((code, label) -> groups.computeIfAbsent(label, l -> new ArrayList<>())
                .add(code));
        if (disaggregation.otherLabel() != null) {
            var others = groups.computeIfAbsent(disaggregation.otherLabel(), l -> new ArrayList<>());
            for (String category : figures.categories(disaggregation.section())) {
                if (!disaggregation.labels().containsKey(category) && !ReturnCell.UNKNOWN.equals(category)) {
                    others.add(category);
                }
            }
        }
        return groups;
    }

    private static Long sum(Figures figures, String section, List<String> codes) {
        long sum = 0;
        for (String code : codes) {
            Long count = figures.count(section, code);
            if (count == null) {
                return null;
            }
            sum += count;
        }
        return sum;
    }

    private static long total(int year, Population population) {
        Long total = population.of(year, Population.TOTAL);
        if (total == null) {
            throw new RuleViolation(
                    "returns.refused.population",
                    "Load the population of " + year + " before writing indicator 16.2.2.",
                    String.valueOf(year));
        }
        return total;
    }

    private static long groupPopulation(int year, Population population, List<String> groups) {
        long sum = 0;
        for (String group : groups) {
            Long of = population.of(year, group);
            if (of == null) {
                throw new RuleViolation(
                        "returns.refused.populationGroup",
                        "Load the population of " + year + " for the group " + group
                                + " before writing indicator 16.2.2.",
                        String.valueOf(year),
                        group);
            }
            sum += of;
        }
        return sum;
    }

    private String value(String kind, Long count, long population) {
        if (count == null) {
            return "";
        }
        if (kind.equals("count")) {
            return Long.toString(count);
        }
        var rate = BigDecimal.valueOf(count)
                .multiply(BigDecimal.valueOf(100_000))
                .divide(BigDecimal.valueOf(population), decimals, RoundingMode.HALF_UP);
        return keepZeros ? rate.toPlainString() : rate.stripTrailingZeros().toPlainString();
    }

    private List<String> row(int year, String kind, int column, String label, String value) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(year));
        if (units != null) {
            row.add(kind);
        }
        for (int c = 0; c < disaggregations.size(); c++) {
            row.add(c == column ? label : "");
        }
        row.add(value);
        return row;
    }
}
