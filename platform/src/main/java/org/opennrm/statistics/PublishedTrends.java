package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.TrendRequest;
import org.opennrm.statistics.publishing.TrendSeries;
import org.opennrm.statistics.publishing.TrendTable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Trend series through the same door as the dashboard's tables ({@link NationalStatistics#table}): a table of
 * quarters by the breakdown, disclosure-controlled on its own and then checked jointly against the ledger. A total
 * alone is the row totals of the table by age group, so that it is checked like any other table.
 */
@Component
class PublishedTrends implements TrendSeries {

    private static final List<Dimension> BREAKDOWNS = List.of(
            Dimension.EXPLOITATION_FORM,
            Dimension.SECTOR,
            Dimension.REGION,
            Dimension.CITIZENSHIP,
            Dimension.SEX,
            Dimension.AGE_GROUP,
            Dimension.REFERRING_SECTOR,
            Dimension.DECISION_OUTCOME,
            Dimension.SERVICE,
            Dimension.VULNERABILITY,
            Dimension.RECRUITMENT_METHOD,
            Dimension.RECRUITMENT_PLATFORM);

    private static final List<EventKind> EVENTS =
            List.of(EventKind.REFERRAL, EventKind.IDENTIFICATION_DECISION, EventKind.SERVICE_DELIVERED);

    private final NationalStatistics statistics;

    PublishedTrends(NationalStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    @PreAuthorize("hasAnyAuthority('statistics:read:all', 'prevention:read:all')")
    public TrendTable trend(TrendRequest request) {
        EventKind event = event(request.event());
        boolean total = request.breakdown() == null || request.breakdown().isBlank();
        Dimension breakdown = total ? Dimension.AGE_GROUP : breakdown(request.breakdown());
        if (request.from() == null || request.to() == null) {
            throw new RuleViolation(
                    "statistics.problem.trendPeriod",
                    "A trend needs its first and last quarter, such as 2020-Q1 to 2025-Q4.");
        }
        var table = statistics.table(
                new TableRequest(Dimension.QUARTER, breakdown, event, request.from(), request.to(), null),
                Rounding.NONE);
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            rowOf.put(table.rows().get(r), r);
        }
        List<String> categories = total ? List.of() : table.columns();
        List<String> quarters = new ArrayList<>();
        List<List<Long>> cells = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int index = TableRequest.index(request.from()); index <= TableRequest.index(request.to()); index++) {
            String quarter = Math.floorDiv(index, 4) + "-Q" + (Math.floorMod(index, 4) + 1);
            quarters.add(quarter);
            Integer row = rowOf.get(quarter);
            List<Long> line = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                line.add(row == null ? Long.valueOf(0) : table.cell(row, c));
            }
            cells.add(line);
            totals.add(row == null ? Long.valueOf(0) : table.rowTotal(row));
        }
        long withheld = table.check().suppressions().size();
        return new TrendTable(
                event.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                total ? null : breakdown.word(),
                quarters,
                categories,
                cells,
                totals,
                table.check().minimumCellSize(),
                withheld);
    }

    @Override
    public List<String> breakdowns() {
        return BREAKDOWNS.stream().map(Dimension::word).toList();
    }

    @Override
    public List<String> events() {
        return EVENTS.stream()
                .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList();
    }

    private static EventKind event(String word) {
        return EVENTS.stream()
                .filter(kind -> kind.name()
                        .equalsIgnoreCase(word == null ? "" : word.strip().replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new RuleViolation(
                        "statistics.problem.trendEvent",
                        "A trend counts referrals, identification decisions or services delivered."));
    }

    private static Dimension breakdown(String word) {
        return Dimension.of(word.strip())
                .filter(BREAKDOWNS::contains)
                .orElseThrow(
                        () -> new RuleViolation("statistics.problem.trendBreakdown", "Unknown breakdown of a trend."));
    }
}
