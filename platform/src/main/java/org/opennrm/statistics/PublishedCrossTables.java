package org.opennrm.statistics;

import java.util.List;
import java.util.Locale;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.CrossTable;
import org.opennrm.statistics.publishing.CrossTableRequest;
import org.opennrm.statistics.publishing.CrossTables;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Cross-tables through the same door as the dashboard's tables ({@link NationalStatistics#table}). */
@Component
class PublishedCrossTables implements CrossTables {

    /**
     * Who, made vulnerable by what, how recruited and controlled, where and in what: the dimensions that aim
     * prevention.
     */
    private static final List<Dimension> DIMENSIONS = List.of(
            Dimension.EXPLOITATION_FORM,
            Dimension.VULNERABILITY,
            Dimension.RECRUITMENT_METHOD,
            Dimension.RECRUITMENT_PLATFORM,
            Dimension.SECTOR,
            Dimension.REGION,
            Dimension.COUNTRY_OF_EXPLOITATION,
            Dimension.RECRUITER_RELATIONSHIP,
            Dimension.METHOD_OF_CONTROL,
            Dimension.CITIZENSHIP,
            Dimension.SEX,
            Dimension.AGE_GROUP,
            Dimension.AGE_BAND,
            Dimension.REFERRING_SECTOR);

    private final NationalStatistics statistics;

    PublishedCrossTables(NationalStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    @PreAuthorize("hasAnyAuthority('statistics:read:all', 'prevention:read:all')")
    public CrossTable cross(CrossTableRequest request) {
        Dimension rows = dimension(request.rows());
        Dimension columns = dimension(request.columns());
        EventKind event = request.event() == null || request.event().isBlank()
                ? EventKind.REFERRAL
                : TableRequest.event(request.event(), rows, columns);
        var tableRequest = new TableRequest(rows, columns, event, request.from(), request.to(), null);
        var view = TableView.of(tableRequest, statistics.table(tableRequest, Rounding.NONE));
        return new CrossTable(
                event.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                rows.word(),
                columns.word(),
                view.rowCategories(),
                view.columnCategories(),
                view.cells(),
                view.rowTotals(),
                view.columnTotals(),
                view.grandTotal(),
                view.disclosure().minimumCellSize(),
                view.disclosure().suppressions().size());
    }

    @Override
    public List<String> dimensions() {
        return DIMENSIONS.stream().map(Dimension::word).toList();
    }

    private static Dimension dimension(String word) {
        return Dimension.of(word == null ? "" : word.strip())
                .filter(DIMENSIONS::contains)
                .orElseThrow(() ->
                        new RuleViolation("statistics.problem.crossDimension", "Unknown dimension of a cross-table."));
    }
}
