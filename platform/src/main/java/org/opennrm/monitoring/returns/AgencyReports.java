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
import java.util.regex.Pattern;
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
 * The criminal-justice counts the agencies report per year or per quarter ({@link AgencyPeriod}). Each upload is a new
 * version, read whole or refused whole; once a statistician has approved a period's figures, a new version is a
 * correction and must give its reason. A total that jumps against the agency's same period a year earlier is flagged
 * for the statistician (not refused: a real change happens). A return takes, per agency, the periods it needs: the TIP
 * return the four quarters of its April to March year where all four are approved, otherwise the calendar year.
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

    /** One version of an agency's figures for a year, or a quarter of it (quarter null: the whole year). */
    record Report(
            UUID id,
            Agency agency,
            int year,
            Integer quarter,
            int version,
            Status status,
            String reason,
            List<String> flags,
            UUID organisationId,
            UUID submittedBy,
            Instant submittedAt,
            UUID approvedBy,
            Instant approvedAt,
            Map<String, Long> totals) {

        public boolean approved() {
            return status == Status.APPROVED;
        }

        /** The period as written: {@code 2025} or {@code 2025-Q2}. */
        public String period() {
            return new AgencyPeriod(year, quarter).toString();
        }

        /** The flags read back as jumps, for the page to word in the reader's language. */
        public List<Jump> jumps() {
            return flags.stream().map(Jump::read).flatMap(Optional::stream).toList();
        }

        /** Flags that are not jumps as {@link Jump#flag()} writes them (none are written today), shown as stored. */
        public List<String> otherFlags() {
            return flags.stream().filter(flag -> Jump.read(flag).isEmpty()).toList();
        }
    }

    /**
     * A measure whose total moved by more than half against the approved total of the same period a year earlier.
     * Stored in the report's flags as {@link #flag()} writes it (the API shows that text); read back for the page.
     */
    public record Jump(String measure, long now, long before, int year, Integer quarter) {

        Jump(String measure, long now, long before, AgencyPeriod earlier) {
            this(measure, now, before, earlier.year(), earlier.quarter());
        }

        private static final Pattern FLAG =
                Pattern.compile("([A-Z_]+): (\\d+) against (\\d+) in (\\d{4})(?:-Q([1-4]))?");

        String flag() {
            return measure + ": " + now + " against " + before + " in " + new AgencyPeriod(year, quarter);
        }

        static Optional<Jump> read(String flag) {
            var match = FLAG.matcher(flag);
            if (!match.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Jump(
                    match.group(1),
                    Long.parseLong(match.group(2)),
                    Long.parseLong(match.group(3)),
                    Integer.parseInt(match.group(4)),
                    match.group(5) == null ? null : Integer.valueOf(match.group(5))));
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
        return submit(agency, AgencyPeriod.year(year), file, reason);
    }

    /** The figures of a year or a quarter; see {@link #submit(Agency, int, Reader, String)}. */
    @Transactional
    @PreAuthorize(SUBMIT)
    Report submit(Agency agency, AgencyPeriod period, Reader file, String reason) {
        if (period == null) {
            throw new RuleViolation("returns.refused.period", "Choose the year or quarter these figures are for.");
        }
        int year = period.year();
        if (agency == null) {
            throw new RuleViolation("returns.refused.agency", "Choose the agency whose figures these are.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw new RuleViolation("returns.refused.reason", "A reason has at most 500 characters.");
        }
        var counts = AgencyUpload.read(file, agency);
        var latest = latest(agency, period);
        if (latest.isPresent() && latest.get().approved() && why == null) {
            throw new AgencyUpload.Refused(List.of(FileProblem.file(
                    "returns.agencies.problem.approvedAlready",
                    "The " + period + " figures of this agency are approved already: a correction is a new version"
                            + " and needs its reason.",
                    period.toString())));
        }
        var totals = AgencyUpload.totals(counts);
        var flags = jumps(agency, period, totals);
        var actor = actor();
        UUID id = UUID.randomUUID();
        int version = latest.map(report -> report.version() + 1).orElse(1);
        jdbc.sql("""
                        insert into monitoring.return_agency_report (id, agency, period_year, period_quarter, version,
                            status, reason, flags, organisation_id, submitted_by, submitted_at)
                        values (:id, :agency, :year, :quarter, :version, 'SUBMITTED', :reason, :flags, :organisation,
                            :by, :at)
                        """)
                .param("id", id)
                .param("agency", agency.name())
                .param("year", year)
                .param("quarter", period.quarter(), java.sql.Types.SMALLINT)
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
                "agency=" + agency + " period=" + period + " version=" + version + (why == null ? "" : " correction"));
        return find(id).orElseThrow();
    }

    /**
     * Flags where a measure's total moved by more than half against the approved figures of the same period a year
     * earlier (a quarter against the same quarter: quarters differ by season).
     */
    List<String> jumps(Agency agency, AgencyPeriod period, Map<String, Long> totals) {
        var previous = latestApproved(agency, period.yearBefore());
        List<String> flags = new ArrayList<>();
        if (previous.isEmpty()) {
            return flags;
        }
        for (String measure : agency.measures()) {
            long before = previous.get().totals().getOrDefault(measure, 0L);
            long now = totals.getOrDefault(measure, 0L);
            if (Math.max(before, now) >= JUMP_FLOOR && Math.abs(now - before) > JUMP * Math.max(before, 1)) {
                flags.add(new Jump(measure, now, before, period.yearBefore()).flag());
            }
        }
        return flags;
    }

    @Transactional
    @PreAuthorize(RELEASE)
    Report approve(UUID id) {
        var report = find(id).orElseThrow(() -> new RecordNotFound("agency report", id));
        if (report.approved()) {
            throw new RuleViolation("returns.refused.approved", "These figures are approved already.");
        }
        var latest = latest(report.agency(), new AgencyPeriod(report.year(), report.quarter()))
                .orElseThrow();
        if (!latest.id().equals(id)) {
            throw new RuleViolation(
                    "returns.refused.newer", "A newer version of these figures was sent: approve that one.");
        }
        UUID by = actor().accountId();
        if (by.equals(report.submittedBy())) {
            throw new RuleViolation(
                    "returns.refused.sameSender", "Figures are approved by someone other than who sent them.");
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
                        order by agency, coalesce(period_quarter, 0), version desc
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
            throw new RuleViolation("returns.refused.template", "Choose a return from the list.");
        }
        return required.stream()
                .map(agency -> new Completeness(
                        agency, latest(agency, AgencyPeriod.year(year)).orElse(null)))
                .toList();
    }

    /** One line of an agency's figures, as the agency reported it ({@code ALL} where not broken down). */
    record Line(String measure, String sex, String ageGroup, String form, long count) {}

    /** One approved report a return takes an agency's figures from: its period, version and approval. */
    record Source(UUID id, AgencyPeriod period, int version, Instant approvedAt, java.time.LocalDate approvedOn) {}

    /**
     * An agency a return needs, with the latest approved figures it takes from it, line by line: one source (a year),
     * or four (the quarters of the TIP report's year, their lines summed); no source and no lines where none is
     * approved.
     */
    record Reported(Agency agency, List<Source> sources, List<Line> lines) {
        public boolean approved() {
            return !sources.isEmpty();
        }

        /** Whether the figures are the sum of quarters rather than a year's report. */
        public boolean quarterly() {
            return approved() && sources.getFirst().period().quarterly();
        }

        public UUID id() {
            return approved() ? sources.getFirst().id() : null;
        }

        public Integer version() {
            return approved() ? sources.getFirst().version() : null;
        }

        public java.time.LocalDate approvedOn() {
            return approved() ? sources.getFirst().approvedOn() : null;
        }

        public Instant approvedAt() {
            return approved() ? sources.getFirst().approvedAt() : null;
        }

        /** The first quarter the figures cover, as the statistics release names it. */
        public String from() {
            return sources.getFirst().period().firstQuarter();
        }

        /** The last quarter the figures cover. */
        public String to() {
            return sources.getLast().period().lastQuarter();
        }

        /** What the figures are for: {@code 2024}, or {@code 2024-Q2 to 2025-Q1}. */
        public String period() {
            return !quarterly()
                    ? sources.getFirst().period().toString()
                    : sources.getFirst().period() + " to " + sources.getLast().period();
        }
    }

    /**
     * The latest approved figures of every agency the return needs for a calendar year, line by line, before disclosure
     * control: for the statisticians' draft, and for sending the return (its release puts them through disclosure
     * control). Where an agency has no approved figures for the year but has all four of its quarters approved, their
     * sum.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    List<Reported> approvedFor(String template, int year) {
        return approvedFor(template, year, List.of());
    }

    /**
     * As {@link #approvedFor(String, int)}, but taking first, for each agency, the given quarters where every one of
     * them is approved (the TIP report's April to March), summed line by line; otherwise the calendar year.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    List<Reported> approvedFor(String template, int year, List<AgencyPeriod> quarters) {
        var required = Agency.REQUIRED.get(template);
        if (required == null) {
            throw new RuleViolation("returns.refused.template", "Choose a return from the list.");
        }
        List<Reported> reported = new ArrayList<>();
        for (Agency agency : required) {
            var chosen = allApproved(agency, quarters)
                    .or(() -> allApproved(agency, List.of(AgencyPeriod.year(year))))
                    .or(() -> allApproved(agency, AgencyPeriod.quartersOf(year)))
                    .orElse(List.of());
            reported.add(new Reported(agency, chosen, summed(agency, chosen)));
        }
        return reported;
    }

    /** The latest approved report of each period, or empty unless every one of them has one. */
    private Optional<List<Source>> allApproved(Agency agency, List<AgencyPeriod> periods) {
        if (periods.isEmpty()) {
            return Optional.empty();
        }
        List<Source> sources = new ArrayList<>();
        for (var period : periods) {
            var report = latestApproved(agency, period);
            if (report.isEmpty()) {
                return Optional.empty();
            }
            var approvedAt = report.get().approvedAt();
            sources.add(new Source(
                    report.get().id(),
                    period,
                    report.get().version(),
                    approvedAt,
                    approvedAt.atZone(clock.getZone()).toLocalDate()));
        }
        return Optional.of(sources);
    }

    /** The lines of the sources, summed position by position (a position one quarter lacks counts zero there). */
    List<Line> summed(Agency agency, List<Source> sources) {
        if (sources.size() == 1) {
            return lines(agency, sources.getFirst().id());
        }
        Map<List<String>, Long> sums = new LinkedHashMap<>();
        for (var source : sources) {
            for (var line : lines(agency, source.id())) {
                sums.merge(List.of(line.measure(), line.sex(), line.ageGroup(), line.form()), line.count(), Long::sum);
            }
        }
        var lines = new ArrayList<Line>();
        sums.forEach((key, count) -> lines.add(new Line(key.get(0), key.get(1), key.get(2), key.get(3), count)));
        lines.sort(java.util.Comparator.<Line>comparingInt(
                        line -> agency.measures().indexOf(line.measure()))
                .thenComparing(Line::sex)
                .thenComparing(Line::ageGroup)
                .thenComparing(Line::form));
        return lines;
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

    private Optional<Report> latest(Agency agency, AgencyPeriod period) {
        return jdbc.sql("""
                        select * from monitoring.return_agency_report where agency = ? and period_year = ?
                            and coalesce(period_quarter, 0) = ?
                        order by version desc limit 1
                        """)
                .params(agency.name(), period.year(), period.quarter() == null ? 0 : period.quarter())
                .query((rs, n) -> report(rs))
                .optional();
    }

    private Optional<Report> latestApproved(Agency agency, AgencyPeriod period) {
        return jdbc.sql("""
                        select * from monitoring.return_agency_report
                        where agency = ? and period_year = ? and coalesce(period_quarter, 0) = ? and status = 'APPROVED'
                        order by version desc limit 1
                        """)
                .params(agency.name(), period.year(), period.quarter() == null ? 0 : period.quarter())
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
                rs.getObject("period_quarter", Integer.class),
                rs.getInt("version"),
                Status.valueOf(rs.getString("status")),
                rs.getString("reason"),
                flags.isEmpty() ? List.of() : List.of(flags.split("\n")),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("submitted_by", UUID.class),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("approved_by", UUID.class),
                rs.getTimestamp("approved_at") == null
                        ? null
                        : rs.getTimestamp("approved_at").toInstant(),
                totals);
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new IllegalStateException("agency reports need a signed-in actor"));
    }
}
