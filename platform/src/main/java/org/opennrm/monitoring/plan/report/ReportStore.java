package org.opennrm.monitoring.plan.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The report tables ({@code monitoring.plan_report*}). Every change of a report checks its version. */
@Repository
class ReportStore {

    /** One published edition of a report: its language, the HTML the public reads and the PDF. */
    record Edition(UUID reportId, String language, String html, byte[] pdf) {}

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PlanReport report) {
        jdbc.sql("""
                        insert into monitoring.plan_report (id, plan_id, year, title, introduction, commentary,
                            release_id, status, version, drafted_by, drafted_by_name, drafted_at)
                        values (:id, :planId, :year, :title, :introduction, :commentary, :releaseId, :status, 0,
                            :draftedBy, :draftedByName, :draftedAt)""")
                .param("id", report.id())
                .param("planId", report.planId())
                .param("year", report.year())
                .param("title", report.title())
                .param("introduction", report.introduction())
                .param("commentary", report.commentary())
                .param("releaseId", report.releaseId())
                .param("status", report.status().name())
                .param("draftedBy", report.draftedBy())
                .param("draftedByName", report.draftedByName())
                .param("draftedAt", Timestamp.from(report.draftedAt()))
                .update();
    }

    void edit(UUID id, int expectedVersion, String title, String introduction, String commentary, UUID releaseId) {
        checked(
                id,
                expectedVersion,
                jdbc.sql("""
                                update monitoring.plan_report set title = :title, introduction = :introduction,
                                    commentary = :commentary, release_id = :releaseId, version = version + 1
                                where id = :id and version = :version and status = 'DRAFT'""")
                        .param("id", id)
                        .param("version", expectedVersion)
                        .param("title", title)
                        .param("introduction", introduction)
                        .param("commentary", commentary)
                        .param("releaseId", releaseId)
                        .update());
    }

    void approve(UUID id, int expectedVersion, UUID by, String byName, Instant at) {
        checked(
                id,
                expectedVersion,
                jdbc.sql("""
                                update monitoring.plan_report set status = 'APPROVED', approved_by = :by,
                                    approved_by_name = :byName, approved_at = :at, version = version + 1
                                where id = :id and version = :version and status = 'DRAFT'""")
                        .param("id", id)
                        .param("version", expectedVersion)
                        .param("by", by)
                        .param("byName", byName)
                        .param("at", Timestamp.from(at))
                        .update());
    }

    void published(UUID id, int expectedVersion, Instant at) {
        checked(
                id,
                expectedVersion,
                jdbc.sql("""
                                update monitoring.plan_report set status = 'PUBLISHED', published_at = :at,
                                    version = version + 1
                                where id = :id and version = :version and status = 'APPROVED'""")
                        .param("id", id)
                        .param("version", expectedVersion)
                        .param("at", Timestamp.from(at))
                        .update());
    }

    void addEdition(Edition edition) {
        jdbc.sql("""
                        insert into monitoring.plan_report_edition (report_id, language, html, pdf)
                        values (:id, :language, :html, :pdf)""")
                .param("id", edition.reportId())
                .param("language", edition.language())
                .param("html", edition.html())
                .param("pdf", edition.pdf())
                .update();
    }

    Optional<Edition> edition(UUID reportId, String language) {
        return jdbc.sql("select * from monitoring.plan_report_edition where report_id = :id and language = :language")
                .param("id", reportId)
                .param("language", language)
                .query((rs, n) -> new Edition(
                        rs.getObject("report_id", UUID.class),
                        rs.getString("language"),
                        rs.getString("html"),
                        rs.getBytes("pdf")))
                .optional();
    }

    Optional<PlanReport> report(UUID id) {
        return jdbc.sql("select * from monitoring.plan_report where id = :id")
                .param("id", id)
                .query(ReportStore::report)
                .optional();
    }

    List<PlanReport> reports(UUID planId) {
        return jdbc.sql(
                        "select * from monitoring.plan_report where plan_id = :planId order by year desc, drafted_at desc")
                .param("planId", planId)
                .query(ReportStore::report)
                .list();
    }

    List<PlanReport> published() {
        return jdbc.sql("""
                        select * from monitoring.plan_report where status = 'PUBLISHED'
                        order by published_at desc""").query(ReportStore::report).list();
    }

    private static void checked(UUID id, int expectedVersion, int changed) {
        if (changed == 0) {
            throw new OptimisticLockingFailureException(
                    "Report " + id + " was changed by someone else after version " + expectedVersion);
        }
    }

    private static PlanReport report(ResultSet rs, int row) throws SQLException {
        return new PlanReport(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getInt("year"),
                rs.getString("title"),
                rs.getString("introduction"),
                rs.getString("commentary"),
                rs.getObject("release_id", UUID.class),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                rs.getObject("drafted_by", UUID.class),
                rs.getString("drafted_by_name"),
                rs.getTimestamp("drafted_at").toInstant(),
                rs.getObject("approved_by", UUID.class),
                rs.getString("approved_by_name"),
                instant(rs.getTimestamp("approved_at")),
                instant(rs.getTimestamp("published_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
