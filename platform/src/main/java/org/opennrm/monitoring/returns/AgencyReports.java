package org.opennrm.monitoring.returns;

import java.io.Reader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The criminal-justice counts the agencies report per year. Each upload is a new version, read whole or refused whole;
 * once a statistician has approved a year's figures, a new version is a correction and must give its reason. A total
 * that jumps against the agency's previous year is flagged for the statistician (not refused: a real change happens).
 * The completeness of a return shows which of the agencies it needs have reported.
 */
@Service
class AgencyReports {

    static final String RECORD_TYPE = "agency-report";
    private static final String SUBMIT = "hasAuthority('returns:submit:organisation')";
    private static final String RELEASE = "hasAuthority('statistics:release:all')";
    private static final String EITHER = SUBMIT + " or " + RELEASE;

    /* a change of more than half, on a total of at least 10 on one side, is worth a look */
    static final double JUMP = 0.5;
    static final long JUMP_FLOOR = 10;

    enum Status {
        SUBMITTED,
        APPROVED
    }

    /** One version of an agency's figures for a year. */
    record Report(
            UUID id,
            Agency agency,
            int year,
            int version,
            Status status,
            String reason,
            List<String> flags,
            UUID organisationId,
            UUID submittedBy,
            Instant submittedAt,
            UUID approvedBy,
            Map<String, Long> totals) {

        public boolean approved() {
            return status == Status.APPROVED;
        }
    }

    /** Whether an agency a return needs has reported for the year, and its latest version. */
    record Completeness(Agency agency, Report latest) {
        public boolean reported() {
            return latest != null;
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    AgencyReports(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(SUBMIT)
    Report submit(Agency agency, int year, Reader file, String reason) {
        ReportingPeriod.year(year);
        if (agency == null) {
            throw new RuleViolation("Choose the agency whose figures these are.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw new RuleViolation("A reason has at most 500 characters.");
        }
        var counts = AgencyUpload.read(file, agency);
        var latest = latest(agency, year);
        if (latest.isPresent() && latest.get().approved() && why == null) {
            throw new AgencyUpload.Refused(List.of("The " + year + " figures of this agency are approved already: a"
                    + " correction is a new version and needs its reason."));
        }
        var totals = AgencyUpload.totals(counts);
        var flags = jumps(agency, year, totals);
        var actor = actor();
        UUID id = UUID.randomUUID();
        int version = latest.map(report -> report.version() + 1).orElse(1);
        jdbc.sql("""
                        insert into monitoring.return_agency_report (id, agency, period_year, version, status, reason,
                            flags, organisation_id, submitted_by, submitted_at)
                        values (:id, :agency, :year, :version, 'SUBMITTED', :reason, :flags, :organisation, :by, :at)
                        """)
                .param("id", id)
                .param("agency", agency.name())
                .param("year", year)
                .param("version", version)
                .param("reason", why)
                .param("flags", String.join("\n", flags))
                .param("organisation", actor.organisationId())
                .param("by", actor.accountId())
                .param("at", Timestamp.from(Instant.now(clock)))
                .update();
        for (var count : counts) {
            jdbc.sql("""
                            insert into monitoring.return_agency_count (report_id, measure, sex, age_group, form, count)
                            values (?, ?, ?, ?, ?, ?)
                            """)
                    .params(id, count.measure(), count.sex(), count.ageGroup(), count.form(), count.count())
                    .update();
        }
        audit.record(
                AuditAction.RELEASE_ASSEMBLED,
                RECORD_TYPE,
                id,
                "agency=" + agency + " year=" + year + " version=" + version + (why == null ? "" : " correction"));
        return find(id).orElseThrow();
    }

    /** Flags where a measure's total moved by more than half against the previous year's approved figures. */
    List<String> jumps(Agency agency, int year, Map<String, Long> totals) {
        var previous = latestApproved(agency, year - 1);
        List<String> flags = new ArrayList<>();
        if (previous.isEmpty()) {
            return flags;
        }
        for (String measure : agency.measures()) {
            long before = previous.get().totals().getOrDefault(measure, 0L);
            long now = totals.getOrDefault(measure, 0L);
            if (Math.max(before, now) >= JUMP_FLOOR && Math.abs(now - before) > JUMP * Math.max(before, 1)) {
                flags.add(measure + ": " + now + " against " + before + " in " + (year - 1));
            }
        }
        return flags;
    }

    @Transactional
    @PreAuthorize(RELEASE)
    Report approve(UUID id) {
        var report = find(id).orElseThrow(() -> new RecordNotFound("agency report", id));
        if (report.approved()) {
            throw new RuleViolation("These figures are approved already.");
        }
        var latest = latest(report.agency(), report.year()).orElseThrow();
        if (!latest.id().equals(id)) {
            throw new RuleViolation("A newer version of these figures was sent: approve that one.");
        }
        UUID by = actor().accountId();
        if (by.equals(report.submittedBy())) {
            throw new RuleViolation("Figures are approved by someone other than who sent them.");
        }
        jdbc.sql("""
                        update monitoring.return_agency_report set status = 'APPROVED', approved_by = :by,
                            approved_at = :at where id = :id
                        """)
                .param("by", by)
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("id", id)
                .update();
        audit.record(AuditAction.RELEASE_APPROVED, RECORD_TYPE, id);
        return find(id).orElseThrow();
    }

    /** The reports a person may see: statisticians all, an agency reporter those of their own organisation. */
    @Transactional(readOnly = true)
    @PreAuthorize(EITHER)
    List<Report> reports(int year) {
        var actor = actor();
        boolean all = actor.can(Permission.STATISTICS_RELEASE, Scope.ALL);
        return jdbc.sql("""
                        select * from monitoring.return_agency_report
                        where period_year = :year and (:all or organisation_id = :organisation)
                        order by agency, version desc
                        """)
                .param("year", year)
                .param("all", all)
                .param("organisation", actor.organisationId())
                .query((rs, n) -> report(rs))
                .list();
    }

    /** For each agency the return needs, whether and what it reported for the year. */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    List<Completeness> completeness(String template, int year) {
        var required = Agency.REQUIRED.get(template);
        if (required == null) {
            throw new RuleViolation("Choose a return from the list.");
        }
        return required.stream()
                .map(agency -> new Completeness(agency, latest(agency, year).orElse(null)))
                .toList();
    }

    /** One line of an agency's figures, as the agency reported it ({@code ALL} where not broken down). */
    record Line(String measure, String sex, String ageGroup, String form, long count) {}

    /**
     * An agency a return needs, with its latest approved figures for the year as it reported them (version and
     * approval date null, and no lines, where none is approved).
     */
    record Reported(
            Agency agency,
            UUID id,
            Integer version,
            java.time.LocalDate approvedOn,
            Instant approvedAt,
            List<Line> lines) {
        public boolean approved() {
            return version != null;
        }
    }

    /**
     * The latest approved figures of every agency the return needs, line by line, before disclosure control: for the
     * statisticians' draft, and for sending the return (its release puts them through disclosure control).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    List<Reported> approvedFor(String template, int year) {
        var required = Agency.REQUIRED.get(template);
        if (required == null) {
            throw new RuleViolation("Choose a return from the list.");
        }
        List<Reported> reported = new ArrayList<>();
        for (Agency agency : required) {
            var approved = jdbc.sql("""
                            select id, version, approved_at from monitoring.return_agency_report
                            where agency = ? and period_year = ? and status = 'APPROVED'
                            order by version desc limit 1
                            """)
                    .params(agency.name(), year)
                    .query((rs, n) -> new Reported(
                            agency,
                            rs.getObject("id", UUID.class),
                            rs.getInt("version"),
                            rs.getTimestamp("approved_at")
                                    .toInstant()
                                    .atZone(clock.getZone())
                                    .toLocalDate(),
                            rs.getTimestamp("approved_at").toInstant(),
                            lines(agency, rs.getObject("id", UUID.class))))
                    .optional();
            reported.add(approved.orElse(new Reported(agency, null, null, null, null, List.of())));
        }
        return reported;
    }

    List<Line> lines(Agency agency, UUID report) {
        var lines = new ArrayList<>(jdbc.sql("""
                        select measure, sex, age_group, form, count from monitoring.return_agency_count
                        where report_id = ? order by measure, sex, age_group, form
                        """)
                .param(report)
                .query((rs, n) ->
                        new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list());
        lines.sort(java.util.Comparator.comparingInt(line -> agency.measures().indexOf(line.measure())));
        return lines;
    }

    Optional<Report> find(UUID id) {
        return jdbc.sql("select * from monitoring.return_agency_report where id = ?")
                .param(id)
                .query((rs, n) -> report(rs))
                .optional();
    }

    private Optional<Report> latest(Agency agency, int year) {
        return jdbc.sql("""
                        select * from monitoring.return_agency_report where agency = ? and period_year = ?
                        order by version desc limit 1
                        """)
                .params(agency.name(), year)
                .query((rs, n) -> report(rs))
                .optional();
    }

    private Optional<Report> latestApproved(Agency agency, int year) {
        return jdbc.sql("""
                        select * from monitoring.return_agency_report
                        where agency = ? and period_year = ? and status = 'APPROVED'
                        order by version desc limit 1
                        """)
                .params(agency.name(), year)
                .query((rs, n) -> report(rs))
                .optional();
    }

    private Report report(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.sql("select measure, sum(count) from monitoring.return_agency_count where report_id = ? group by measure")
                .param(id)
                .query(row -> {
                    totals.put(row.getString(1), row.getLong(2));
                });
        String flags = rs.getString("flags");
        return new Report(
                id,
                Agency.valueOf(rs.getString("agency")),
                rs.getInt("period_year"),
                rs.getInt("version"),
                Status.valueOf(rs.getString("status")),
                rs.getString("reason"),
                flags.isEmpty() ? List.of() : List.of(flags.split("\n")),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("submitted_by", UUID.class),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("approved_by", UUID.class),
                totals);
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new IllegalStateException("agency reports need a signed-in actor"));
    }
}
