package org.opennrm.prevention;

import java.util.ArrayList;
import java.util.List;
import org.opennrm.statistics.publishing.TrendTable;

/**
 * A published trend ready to show: one line per category (or the total alone), each count with its 95% interval,
 * and the flags the detector raised on the lines it could read whole. A line with a withheld quarter is not run
 * through the detector: a gap is not a fall.
 */
record Trend(TrendTable table, List<Line> lines) {

    /** One category's series: counts (null where withheld), their intervals, and its flags. */
    record Line(
            String category, List<Long> counts, List<CountInterval> intervals, boolean whole, List<ChangeFlag> flags) {

        long total() {
            return counts.stream().mapToLong(count -> count == null ? 0 : count).sum();
        }
    }

    static Trend of(TrendTable table, ChangeDetector detector) {
        var lines = new ArrayList<Line>();
        if (table.categories().isEmpty()) {
            lines.add(line(null, table.totals(), table, detector));
        } else {
            for (int c = 0; c < table.categories().size(); c++) {
                lines.add(line(table.categories().get(c), table.series(c), table, detector));
            }
        }
        return new Trend(table, List.copyOf(lines));
    }

    private static Line line(String category, List<Long> counts, TrendTable table, ChangeDetector detector) {
        boolean whole = counts.stream().allMatch(java.util.Objects::nonNull);
        List<CountInterval> intervals = counts.stream()
                .map(count -> count == null ? null : CountInterval.of(count))
                .toList();
        List<ChangeFlag> flags = List.of();
        if (whole && counts.size() >= detector.settings().minimumPeriods()) {
            double[] values = counts.stream().mapToDouble(Long::doubleValue).toArray();
            flags = detector.detect(new Series(Period.parse(table.quarters().getFirst()), values));
        }
        return new Line(
                category, java.util.Collections.unmodifiableList(new ArrayList<>(counts)), intervals, whole, flags);
    }

    /** All flags of all lines, with their line. */
    public List<Flagged> flags() {
        var flagged = new ArrayList<Flagged>();
        for (Line line : lines) {
            line.flags().forEach(flag -> flagged.add(new Flagged(line.category(), flag)));
        }
        return flagged;
    }

    record Flagged(String category, ChangeFlag flag) {}

    /**
     * The series as CSV: quarter, category code and its label (both empty for the total), count (empty where
     * withheld), its interval.
     */
    String csv(java.util.function.Function<String, String> labels) {
        var out = new StringBuilder();
        try (var csv = new org.apache.commons.csv.CSVPrinter(
                out,
                org.apache.commons.csv.CSVFormat.DEFAULT
                        .builder()
                        .setRecordSeparator('\n')
                        .setHeader("quarter", "category", "category_label", "count", "lower_95", "upper_95", "withheld")
                        .get())) {
            for (Line line : lines) {
                for (int q = 0; q < table.quarters().size(); q++) {
                    Long count = line.counts().get(q);
                    CountInterval interval = line.intervals().get(q);
                    csv.printRecord(
                            table.quarters().get(q),
                            line.category() == null ? "" : line.category(),
                            line.category() == null ? "" : labels.apply(line.category()),
                            count == null ? "" : count,
                            interval == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", interval.lower()),
                            interval == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", interval.upper()),
                            count == null);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
