package org.opennrm.statistics.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.statistics.TableView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics a public report on the action plan may quote: those of approved (published) releases only, as they
 * were published (after disclosure control and the joint check against everything already published), with the
 * release they come from. A release awaiting approval is not offered at all.
 */
@Service
public class ReportReleases {

    /** A published release a report may take its statistics from. */
    public record PublishedRelease(UUID id, String title, Instant approvedAt) {}

    /**
     * A table of a published release as it was published: dimension and category codes, cells (null where withheld),
     * totals.
     */
    public record ReportTable(
            String rows,
            String columns,
            String event,
            String from,
            String to,
            List<String> rowCategories,
            List<String> columnCategories,
            List<List<Long>> cells,
            List<Long> rowTotals,
            List<Long> columnTotals,
            Long grandTotal) {}

    /** A published release with its tables. */
    public record ReleaseFigures(UUID id, String title, Instant approvedAt, List<ReportTable> tables) {}

    private static final TypeReference<List<TableView>> TABLES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReportReleases(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The published releases, latest approved first (their titles and dates are public). */
    @Transactional(readOnly = true)
    public List<PublishedRelease> published() {
        return jdbc.sql("""
                        select id, title, approved_at from statistics.release where status = 'PUBLISHED'
                        order by approved_at desc""")
                .query((rs, n) -> new PublishedRelease(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getTimestamp("approved_at").toInstant()))
                .list();
    }

    /**
     * A published release's tables as they were published (public once published); empty when there is no such
     * release or it awaits approval.
     */
    @Transactional(readOnly = true)
    public Optional<ReleaseFigures> figures(UUID releaseId) {
        return jdbc.sql("""
                        select id, title, approved_at, tables from statistics.release
                        where id = :id and status = 'PUBLISHED'""")
                .param("id", releaseId)
                .query((rs, n) -> new ReleaseFigures(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getTimestamp("approved_at").toInstant(),
                        json.readValue(rs.getString("tables"), TABLES).stream()
                                // agencies' figures are quoted with their return, not as tables of facts
                                .filter(view -> view.event() != org.opennrm.statistics.EventKind.AGENCY_FIGURE)
                                .map(ReportReleases::table)
                                .toList()))
                .optional();
    }

    private static ReportTable table(TableView view) {
        return new ReportTable(
                view.rows(),
                view.columns(),
                view.event().name(),
                view.from(),
                view.to(),
                view.rowCategories(),
                view.columnCategories(),
                view.cells(),
                view.rowTotals(),
                view.columnTotals(),
                view.grandTotal());
    }
}
