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

    /** The series as CSV: quarter, category (empty for the total), count (empty where withheld), its interval. */
    String csv() {
        var csv = new StringBuilder("quarter,category,count,lower_95,upper_95,withheld\n");
        for (Line line : lines) {
            for (int q = 0; q < table.quarters().size(); q++) {
                Long count = line.counts().get(q);
                CountInterval interval = line.intervals().get(q);
                csv.append(table.quarters().get(q))
                        .append(',')
                        .append(line.category() == null ? "" : line.category())
                        .append(',')
                        .append(count == null ? "" : count)
                        .append(',')
                        .append(interval == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", interval.lower()))
                        .append(',')
                        .append(interval == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", interval.upper()))
                        .append(',')
                        .append(count == null)
                        .append('\n');
            }
        }
        return csv.toString();
    }
}
