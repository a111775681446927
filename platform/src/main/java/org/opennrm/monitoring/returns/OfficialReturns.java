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
import java.util.TreeMap;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.statistics.publishing.PublishedEstimate;
import org.opennrm.statistics.publishing.PublishedEstimates;
import org.opennrm.statistics.publishing.ReturnCounts;
import org.opennrm.statistics.publishing.ReturnReleases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Official returns: filled from the facts of a year for a statistician to check (every cell traced, additivity
 * checked), sent for publication as a release of the tables they are read from (the joint disclosure check runs, a
 * second statistician approves), and, once published, read from the release and downloaded in the body's format
 * (audited). A return sent again is a new return with a new release: what was sent is never overwritten.
 */
@Service
class OfficialReturns {

    static final String RECORD_TYPE = "official-return";
    private static final String RELEASE = "hasAuthority('statistics:release:all')";
    private static final String READ = "hasAuthority('statistics:read:all')";

    /** A return sent for publication, with its release as it stands. */
    record Sent(
            UUID id,
            String template,
            int year,
            CountingRules rules,
            String reportingCountry,
            UUID assembledBy,
            Instant assembledAt,
            ReturnReleases.ReturnRelease release,
            List<AgencyPublication.SentAgency> agencies,
            UUID estimateJob) {

        /** The period the return counts: the calendar year, or for the TIP report April of the year before to March. */
        public ReportingPeriod period() {
            return TipReturn.ID.equals(template) ? ReportingPeriod.aprilToMarch(year) : ReportingPeriod.year(year);
        }

        public boolean published() {
            return release.published();
        }
    }

    private final Map<String, ReturnTemplate> templates = new LinkedHashMap<>();
    private final ReturnCounts counts;
    private final ReturnReleases releases;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final String reportingCountry;
    private final org.opennrm.organisations.OrganisationRegistry organisations;
    private final AgencyReports agencyReports;
    private final PublishedEstimates estimates;

    OfficialReturns(
            List<ReturnTemplate> templates,
            ReturnCounts counts,
            ReturnReleases releases,
            JdbcClient jdbc,
            AuditTrail audit,
            Clock clock,
            @Value("${opennrm.returns.reporting-country:MDA}") String reportingCountry,
            org.opennrm.organisations.OrganisationRegistry organisations,
            AgencyReports agencyReports,
            PublishedEstimates estimates) {
        if (!reportingCountry.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("opennrm.returns.reporting-country must be an ISO 3166-1 alpha-3 code");
        }
        templates.stream()
                .sorted(java.util.Comparator.comparing(ReturnTemplate::id))
                .forEach(template -> this.templates.put(template.id(), template));
        this.counts = counts;
        this.releases = releases;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.reportingCountry = reportingCountry;
        this.organisations = organisations;
        this.agencyReports = agencyReports;
        this.estimates = estimates;
    }

    List<String> templates() {
        return List.copyOf(templates.keySet());
    }

    String reportingCountry() {
        return reportingCountry;
    }

    ReturnTemplate template(String id) {
        var template = templates.get(id);
        if (template == null) {
            String listed = String.join(", ", templates.keySet());
            throw new RuleViolation(
                    "returns.refused.templateList", "Choose a return from the list: " + listed + ".", listed);
        }
        return template;
    }

    /** The return filled from the facts, before disclosure control: for statisticians only. */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    OfficialReturn fill(String template, ReportingPeriod period, CountingRules rules) {
        var chosen = template(template);
        var facts = counts.tally(chosen.events(), period.first(), period.last());
        return chosen.fill(facts, period, rules, reportingCountry);
    }

    /** Registering sectors whose referrals fell sharply against the year before (counts before disclosure control). */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    List<ReportingDrops.Drop> drops(int year) {
        var facts = counts.tally(
                java.util.Set.of(Codings.REFERRAL),
                java.time.YearMonth.of(year - 1, 1),
                java.time.YearMonth.of(year, 12));
        return ReportingDrops.in(facts, year);
    }

    /** Registering organisations whose referrals fell sharply against the year before (counts before disclosure control). */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    List<ReportingDrops.OrganisationDrop> organisationDrops(int year) {
        return ReportingDrops.ofOrganisations(
                counts.referralsByOrganisation(year),
                id -> organisations.find(id).map(o -> o.name()).orElse(id.toString()));
    }

    /**
     * Sends the return for publication: its tables are assembled into a release (the joint disclosure check may
     * withhold cells or refuse, and then nothing is stored), and the return is recorded with its rules.
     */
    @Transactional
    @PreAuthorize(RELEASE)
    Sent send(String template, int year, CountingRules rules) {
        return send(template, year, rules, null);
    }

    /**
     * Sends the return with a hidden-number estimate as its total (SDG 16.2.2 only; null or blank for none): the
     * estimate is checked as on the draft and the return records its job.
     */
    @Transactional
    @PreAuthorize(RELEASE)
    Sent send(String template, int year, CountingRules rules, String estimateJob) {
        var period = template(template).period(year);
        var sources = ReleaseSources.of(template(template).id(), period, rules, reportingCountry);
        // the return must add up before anything of it is released
        var filled = fill(template, period, rules);
        var estimated = estimatedTotal(filled, estimateJob);
        // the approved figures of the agencies the return needs go into the release, through disclosure control
        int agencyYear = template(template).agencyYear(year);
        var reported = Agency.REQUIRED.get(template).isEmpty()
                ? List.<AgencyReports.Reported>of()
                : agencyReports.approvedFor(
                        template, agencyYear, template(template).agencyQuarters(year));
        List<ReturnReleases.AgencyMeasure> measures = new ArrayList<>();
        reported.forEach(agency -> measures.addAll(AgencyPublication.measures(agency)));
        var release = releases.assemble(title(template, year, rules), ReleaseSources.tables(sources), measures);
        UUID id = UUID.randomUUID();
        UUID by = actor().accountId();
        Instant now = Instant.now(clock);
        jdbc.sql("""
                        insert into monitoring.return_release (id, template, period_year, form_rule, year_basis,
                            reporting_country, release_id, assembled_by, assembled_at, estimate_job)
                        values (:id, :template, :year, :forms, :basis, :country, :release, :by, :at, :estimate)
                        """)
                .param("id", id)
                .param("template", template)
                .param("year", year)
                .param("forms", rules.forms().name())
                .param("basis", rules.year().name())
                .param("country", reportingCountry)
                .param("release", release.id())
                .param("by", by)
                .param("at", Timestamp.from(now))
                .param("estimate", estimated == null ? null : estimated.jobId())
                .update();
        audit.record(
                AuditAction.RELEASE_ASSEMBLED,
                RECORD_TYPE,
                id,
                "template=" + template + " year=" + year + " release=" + release.id()
                        + (estimated == null ? "" : " estimate=" + estimated.jobId()));
        List<AgencyPublication.SentAgency> agencies = new ArrayList<>();
        for (var agency : reported) {
            if (!agency.approved()) {
                jdbc.sql("""
                                insert into monitoring.return_release_agency (return_id, agency, period_year)
                                values (?, ?, ?)
                                """).params(id, agency.agency().name(), agencyYear).update();
            }
            for (var source : agency.sources()) {
                jdbc.sql("""
                                insert into monitoring.return_release_agency (return_id, agency, period_year,
                                    period_quarter, report_id, version, approved_at)
                                values (?, ?, ?, ?, ?, ?, ?)
                                """)
                        .params(
                                id,
                                agency.agency().name(),
                                source.period().year(),
                                source.period().quarter(),
                                source.id(),
                                source.version(),
                                Timestamp.from(source.approvedAt()))
                        .update();
            }
            agencies.add(new AgencyPublication.SentAgency(agency.agency(), agencyYear, agency.sources()));
        }
        return new Sent(
                id,
                template,
                year,
                rules,
                reportingCountry,
                by,
                now,
                release,
                agencies,
                estimated == null ? null : estimated.jobId());
    }

    /**
     * The estimate standing as the total of a filled SDG 16.2.2 return, or null when none is chosen; refused (with
     * the reason for the field) for a job not done, of another period, without a total, or for another return.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    EstimatedTotal estimatedTotal(OfficialReturn filled, String estimateJob) {
        if (estimateJob == null || estimateJob.isBlank()) {
            return null;
        }
        if (!filled.template().equals(Sdg1622Return.ID)) {
            throw new EstimatedTotal.Refused(
                    "returns.refused.estimate.notSdg", "Only the SDG 16.2.2 return takes an estimate as its total.");
        }
        int year = filled.period().first().getYear();
        return EstimatedTotal.of(
                estimateJob,
                estimates::find,
                year,
                filled.section("sex").total().count(),
                population());
    }

    /** The estimate a sent return states as its total, or null; read from its job, which no longer changes. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    EstimatedTotal estimatedTotal(Sent sent, Figures figures) {
        if (sent.estimateJob() == null) {
            return null;
        }
        var estimate = estimates.find(sent.estimateJob()).orElse(null);
        Long population = population().of(sent.year(), Population.TOTAL);
        Long detected = figures.total("sex");
        if (estimate == null || population == null) {
            return null;
        }
        return new EstimatedTotal(estimate, sent.year(), detected, population, estimate.platformListsOf(sent.year()));
    }

    /** Completed estimates on the platform's own lists of the year, for the draft's choice. */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    List<PublishedEstimate> completedEstimates(int year) {
        return estimates.completedFor(year);
    }

    static String title(String template, int year, CountingRules rules) {
        return "Official return " + template + " " + year + " (" + rules.describe() + ")";
    }

    /** Approves the return's release; refused for the statistician who sent it (the release refuses it). */
    @Transactional
    @PreAuthorize(RELEASE)
    Sent approve(UUID id) {
        var sent = find(id).orElseThrow(() -> new RecordNotFound("official return", id));
        releases.approve(sent.release().id());
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    Optional<Sent> find(UUID id) {
        return jdbc.sql("select * from monitoring.return_release where id = ?")
                .param(id)
                .query((rs, n) -> sent(rs))
                .optional();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    List<Sent> all() {
        return jdbc.sql("select * from monitoring.return_release order by assembled_at desc limit 200")
                .query((rs, n) -> sent(rs))
                .list();
    }

    /** The published return's figures, read from its release; refused while it awaits approval. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    Figures published(Sent sent) {
        if (!sent.published()) {
            throw new RuleViolation(
                    "returns.refused.notPublished",
                    "This return awaits a second statistician's approval: it is not published yet.");
        }
        return figures(sent);
    }

    /**
     * The return's figures as its release gives them (already through disclosure control): what will be published,
     * for the approver, or what was.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    Figures figures(Sent sent) {
        var sources = ReleaseSources.of(sent.template(), sent.period(), sent.rules(), sent.reportingCountry());
        return ReleaseSources.read(sources, sent.release().tables());
    }

    /** What the published return states it leaves out, from its own figures. */
    List<String> coverage(Sent sent, Figures figures) {
        List<String> coverage = new ArrayList<>();
        coverage.add("Counting rules: " + sent.rules().describe() + ".");
        Registered.coverage(sent.rules(), coverage);
        if (sent.template().equals(Sdg1622Return.ID)) {
            var estimated = estimatedTotal(sent, figures);
            coverage.add(estimated == null ? Sdg1622Return.DETECTED_ONLY : estimated.coverage());
        }
        coverage.add("Figures withheld by disclosure control (the joint check against everything already published)"
                + " are written as withheld; a figure that adds a withheld cell is withheld too.");
        if (figures instanceof ReleaseSources.Published published) {
            Registered.unknowns(published.sections(), figures, coverage);
        }
        AgencyPublication.coverage(
                sent.agencies(), clock.getZone(), template(sent.template()).agencyQuarters(sent.year()), coverage);
        return coverage;
    }

    /** The published return as a file in the body's format; audited. */
    @Transactional
    @PreAuthorize(READ)
    ReturnFiles.File file(UUID id, String format) {
        var sent = find(id).orElseThrow(() -> new RecordNotFound("official return", id));
        var figures = published(sent);
        var file = ReturnFiles.write(
                sent,
                figures,
                publishedAgencyFigures(sent),
                coverage(sent, figures),
                format,
                population(),
                estimatedTotal(sent, figures));
        audit.record(AuditAction.RELEASE_DOWNLOADED, RECORD_TYPE, id, "format=" + file.format());
        return file;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    Population population() {
        Map<Integer, Map<String, Long>> byYear = new TreeMap<>();
        jdbc.sql("select population_year, population_group, population from monitoring.return_population")
                .query(rs -> {
                    byYear.computeIfAbsent(rs.getInt(1), y -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return new Population(byYear);
    }

    /** Loads a population file whole (each year in it replaces that year), or refuses it whole. */
    @Transactional
    @PreAuthorize(RELEASE)
    Population loadPopulation(Reader file) {
        var loaded = Population.read(file);
        loaded.byYear().forEach((year, groups) -> {
            jdbc.sql("delete from monitoring.return_population where population_year = ?")
                    .param(year)
                    .update();
            groups.forEach((group, population) ->
                    jdbc.sql("""
                            insert into monitoring.return_population (population_year, population_group, population)
                            values (?, ?, ?)
                            """).params(year, group, population).update());
        });
        audit.record(
                AuditAction.RELEASE_ASSEMBLED,
                "return-population",
                "population",
                "years=" + loaded.byYear().keySet());
        return loaded;
    }

    /**
     * The agencies' figures of the return as its release gives them (through disclosure control): what will be
     * published, for the approver, or what was.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(RELEASE)
    List<AgencyPublication.PublishedAgency> agencyFigures(Sent sent) {
        return AgencyPublication.read(sent.agencies(), sent.release().agencyCells(), agencyReports, clock.getZone());
    }

    /** The agencies' figures of a published return; refused while it awaits approval. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    List<AgencyPublication.PublishedAgency> publishedAgencyFigures(Sent sent) {
        published(sent);
        return AgencyPublication.read(sent.agencies(), sent.release().agencyCells(), agencyReports, clock.getZone());
    }

    private List<AgencyPublication.SentAgency> agencies(UUID returnId) {
        Map<Agency, List<AgencyReports.Source>> sources = new java.util.TreeMap<>();
        Map<Agency, Integer> years = new java.util.HashMap<>();
        jdbc.sql("""
                        select agency, period_year, period_quarter, report_id, version, approved_at
                        from monitoring.return_release_agency where return_id = ?
                        order by agency, period_year, coalesce(period_quarter, 0)
                        """).param(returnId).query(rs -> {
            var agency = Agency.valueOf(rs.getString(1));
            var list = sources.computeIfAbsent(agency, a -> new ArrayList<>());
            years.putIfAbsent(agency, rs.getInt(2));
            UUID report = rs.getObject(4, UUID.class);
            if (report != null) {
                var approvedAt = rs.getTimestamp(6).toInstant();
                list.add(new AgencyReports.Source(
                        report,
                        new AgencyPeriod(rs.getInt(2), rs.getObject(3, Integer.class)),
                        rs.getInt(5),
                        approvedAt,
                        approvedAt.atZone(clock.getZone()).toLocalDate()));
            }
        });
        return sources.entrySet().stream()
                .map(entry ->
                        new AgencyPublication.SentAgency(entry.getKey(), years.get(entry.getKey()), entry.getValue()))
                .toList();
    }

    private Sent sent(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID release = rs.getObject("release_id", UUID.class);
        return new Sent(
                rs.getObject("id", UUID.class),
                rs.getString("template"),
                rs.getInt("period_year"),
                new CountingRules(
                        CountingRules.FormRule.valueOf(rs.getString("form_rule")),
                        CountingRules.YearBasis.valueOf(rs.getString("year_basis"))),
                rs.getString("reporting_country"),
                rs.getObject("assembled_by", UUID.class),
                rs.getTimestamp("assembled_at").toInstant(),
                releases.find(release).orElseThrow(() -> new RecordNotFound("release", release)),
                agencies(rs.getObject("id", UUID.class)),
                rs.getObject("estimate_job", UUID.class));
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new IllegalStateException("returns need a signed-in actor"));
    }
}
