package org.opennrm.prevention.finance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The financial intelligence unit's coded reports ({@code prevention.financial_report}): coded one by one or imported
 * from a file, their outcome recorded, and the feedback statistics counted from them. Every read is limited to the
 * reader's own unit (another unit's report answers 404); every coding, import and outcome is audited.
 *
 * <p>The feedback statistics leave the unit only after a minimum-count rule: the statistics office's disclosure
 * control works on its own facts (cases, referrals, decisions) and has no table for reports that are not cases, so the
 * same threshold it publishes with ({@code opennrm.statistics.minimum-cell-size}, default 10) is applied here to every
 * count, and no margins (totals) are shown that would give a withheld count back by subtraction.
 */
@Service
public class FinancialReports {

    static final int LISTED = 500;
    static final int TOP_INDICATORS = 10;

    private static final String COLUMNS = "id, reference, received_on, entity_type, indicators, catalogue_version,"
            + " disseminated_on, investigation_on";

    private final JdbcClient jdbc;
    private final RedFlagCatalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;
    private final int minimumCount;

    FinancialReports(
            JdbcClient jdbc,
            RedFlagCatalogue catalogue,
            AuditTrail audit,
            Clock clock,
            @Value("${opennrm.statistics.minimum-cell-size:10}") int minimumCount) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.minimumCount = minimumCount;
    }

    /** Codes a report for the actor's unit, or refuses it with every field to change. */
    @Transactional
    @PreAuthorize(FinancialFlagsAccess.CODE)
    public FinancialReport code(ReportDetails details) {
        return code(details, Map.of());
    }

    @Transactional
    @PreAuthorize(FinancialFlagsAccess.CODE)
    public FinancialReport code(ReportDetails details, Map<String, String> unreadable) {
        var problems = new java.util.LinkedHashMap<>(unreadable);
        ReportRules.check(details, catalogue, today()).forEach(problems::putIfAbsent);
        if (!problems.containsKey("reference") && exists(details.reference().strip())) {
            problems.put("reference", "finance.report.error.referenceTaken");
        }
        if (!problems.isEmpty()) {
            throw new ReportInvalid(problems);
        }
        UUID id = insert(details, new ReportOutcome(null, null));
        audit.record(AuditAction.CREATE, "financial-report", id);
        return get(id);
    }

    /**
     * Imports a file of coded reports whole, or refuses it whole with every problem and its line (including a
     * reference the unit already holds). Returns how many reports were stored.
     */
    @Transactional
    @PreAuthorize(FinancialFlagsAccess.CODE)
    public int importCsv(String text) {
        List<ReportsCsv.Line> lines = ReportsCsv.read(text, catalogue, today());
        var problems = new ArrayList<LineProblem>();
        for (ReportsCsv.Line line : lines) {
            if (exists(line.details().reference().strip()) && problems.size() < ReportsCsv.MAX_PROBLEMS) {
                problems.add(LineProblem.at(line.line(), "finance.import.problem.referenceTaken"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportInvalid(problems, 0);
        }
        for (ReportsCsv.Line line : lines) {
            insert(line.details(), line.outcome());
        }
        audit.record(AuditAction.CREATE, "financial-report-import", UUID.randomUUID(), lines.size() + " reports");
        return lines.size();
    }

    /** Records what became of a report of the actor's unit. */
    @Transactional
    @PreAuthorize(FinancialFlagsAccess.CODE)
    public FinancialReport recordOutcome(UUID id, ReportOutcome outcome) {
        FinancialReport report = get(id);
        var problems = ReportRules.check(outcome, report.receivedOn(), today());
        if (!problems.isEmpty()) {
            throw new ReportInvalid(problems);
        }
        jdbc.sql("update prevention.financial_report set disseminated_on = :disseminated, investigation_on ="
                        + " :investigation where id = :id and organisation_id = :organisation")
                .param("disseminated", outcome.disseminatedOn())
                .param("investigation", outcome.investigationOn())
                .param("id", id)
                .param("organisation", organisation())
                .update();
        audit.record(AuditAction.UPDATE, "financial-report", id, "outcome");
        return get(id);
    }

    /** The unit's reports, latest received first (at most 500). */
    @Transactional(readOnly = true)
    @PreAuthorize(FinancialFlagsAccess.CODE)
    public List<FinancialReport> mine() {
        return jdbc.sql("select " + COLUMNS + " from prevention.financial_report where organisation_id = :organisation"
                        + " order by received_on desc, reference limit " + LISTED)
                .param("organisation", organisation())
                .query(FinancialReports::report)
                .list();
    }

    /** A report of the actor's unit; 404 for none, or another unit's. */
    @Transactional(readOnly = true)
    @PreAuthorize(FinancialFlagsAccess.CODE)
    public FinancialReport get(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from prevention.financial_report where id = :id and organisation_id ="
                        + " :organisation")
                .param("id", id)
                .param("organisation", organisation())
                .query(FinancialReports::report)
                .optional()
                .orElseThrow(() -> new RecordNotFound("financial report", id));
    }

    /**
     * The feedback statistics: the unit's own counts as they are for its analysts; for every other reader, the counts
     * of all units together after the minimum-count rule (see the class comment).
     */
    @Transactional
    @PreAuthorize(FinancialFlagsAccess.STATISTICS)
    public FeedbackStatistics statistics() {
        Actor actor = Actor.current().orElseThrow();
        boolean own =
                actor.grants().stream().anyMatch(grant -> grant.authority().equals("financial:flags:organisation"));
        String where = own ? " where organisation_id = :organisation" : "";
        var rows = jdbc.sql("select extract(year from received_on)::int as year, extract(quarter from received_on)::int"
                        + " as quarter, entity_type, count(*) as received, count(disseminated_on) as disseminated,"
                        + " count(investigation_on) as investigations from prevention.financial_report" + where
                        + " group by 1, 2, 3 order by 1 desc, 2 desc, 3")
                .params(own ? Map.of("organisation", actor.organisationId()) : Map.of())
                .query((rs, n) -> new long[] {
                    rs.getInt("year"),
                    rs.getInt("quarter"),
                    EntityType.valueOf(rs.getString("entity_type")).ordinal(),
                    rs.getLong("received"),
                    rs.getLong("disseminated"),
                    rs.getLong("investigations")
                })
                .list();
        var indicators = jdbc.sql("select code, count(*) as reports from prevention.financial_report,"
                        + " unnest(indicators) as code" + where + " group by code order by 2 desc, code limit "
                        + TOP_INDICATORS)
                .params(own ? Map.of("organisation", actor.organisationId()) : Map.of())
                .query((rs, n) -> new FeedbackStatistics.IndicatorCount(rs.getString("code"), rs.getLong("reports")))
                .list();
        int threshold = own ? 1 : minimumCount;
        int[] withheld = {0};
        var shownRows = rows.stream()
                .map(row -> new FeedbackStatistics.Row(
                        row[0] + "-Q" + row[1],
                        EntityType.values()[(int) row[2]],
                        shown(row[3], threshold, withheld),
                        shown(row[4], threshold, withheld),
                        shown(row[5], threshold, withheld)))
                .toList();
        var shownIndicators = indicators.stream()
                .map(count -> new FeedbackStatistics.IndicatorCount(
                        count.code(), shown(count.reports(), threshold, withheld)))
                .toList();
        audit.record(AuditAction.READ, "financial-feedback-statistics", own ? actor.organisationId() : "all");
        return new FeedbackStatistics(shownRows, shownIndicators, threshold, withheld[0]);
    }

    /** How many reports the actor's unit holds (for the home panel). */
    @Transactional(readOnly = true)
    @PreAuthorize(FinancialFlagsAccess.CODE)
    public long count() {
        return jdbc.sql("select count(*) from prevention.financial_report where organisation_id = :organisation")
                .param("organisation", organisation())
                .query(Long.class)
                .single();
    }

    /* a non-zero count below the threshold is withheld; a zero is shown, as in the national tables */
    private static Long shown(long count, int threshold, int[] withheld) {
        if (count > 0 && count < threshold) {
            withheld[0]++;
            return null;
        }
        return count;
    }

    private UUID insert(ReportDetails details, ReportOutcome outcome) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into prevention.financial_report (id, organisation_id, reference, received_on, entity_type,"
                        + " indicators, catalogue_version, disseminated_on, investigation_on, coded_by, coded_at)"
                        + " values (:id, :organisation, :reference, :received, :type, :indicators, :version,"
                        + " :disseminated, :investigation, :by, :at)")
                .param("id", id)
                .param("organisation", organisation())
                .param("reference", details.reference().strip())
                .param("received", details.receivedOn())
                .param("type", details.entityType().name())
                .param(
                        "indicators",
                        ReportRules.indicators(details.indicators()).toArray(String[]::new))
                .param("version", catalogue.version())
                .param("disseminated", outcome.disseminatedOn())
                .param("investigation", outcome.investigationOn())
                .param("by", Actor.current().map(Actor::accountId).orElseThrow())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    private boolean exists(String reference) {
        return jdbc.sql("select exists (select 1 from prevention.financial_report where organisation_id = :organisation"
                        + " and reference = :reference)")
                .param("organisation", organisation())
                .param("reference", reference)
                .query(Boolean.class)
                .single();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static UUID organisation() {
        return Actor.current().map(Actor::organisationId).orElseThrow();
    }

    private static FinancialReport report(ResultSet rs, int row) throws SQLException {
        return new FinancialReport(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getObject("received_on", LocalDate.class),
                EntityType.valueOf(rs.getString("entity_type")),
                Arrays.asList((String[]) rs.getArray("indicators").getArray()),
                rs.getString("catalogue_version"),
                rs.getObject("disseminated_on", LocalDate.class),
                rs.getObject("investigation_on", LocalDate.class));
    }
}
