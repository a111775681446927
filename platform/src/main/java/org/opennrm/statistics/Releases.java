package org.opennrm.statistics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembling, approving and reading releases. Before a release is assembled the joint disclosure check ({@link JointDisclosure}) solves what a reader of every overlapping published table (the {@link Ledger}) and
 * of the new ones could work out, and withholds more cells of the new tables where a small cell would be narrowed
 * too far, or where a difference with a published table (a nested period, a region within the nation) would show
 * a small group, or refuses the release. At approval it runs again against what was published meanwhile, and the
 * approved release's cells are written to the ledger in the same transaction.
 *
 * <p>Each step is written to the audit trail: assembled, approved and published (one approval does both, as two
 * entries), and every download of a published table. A refused step writes nothing and stores nothing.
 */
@Service
public class Releases {

    static final String RECORD_TYPE = "statistics-release";

    private static final TypeReference<List<TableView>> TABLES = new TypeReference<>() {};

    private final NationalStatistics statistics;
    private final DisclosureControl disclosureControl;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final Ledger ledger;
    private final JointDisclosure joint;

    Releases(
            NationalStatistics statistics,
            DisclosureControl disclosureControl,
            Ledger ledger,
            JdbcClient jdbc,
            JsonMapper json,
            AuditTrail audit,
            Clock clock,
            org.opennrm.statistics.publishing.CategoryLabels labels,
            org.opennrm.statistics.publishing.JointReasons reasons) {
        this.statistics = statistics;
        this.disclosureControl = disclosureControl;
        this.ledger = ledger;
        // the approver reads the reasons: categories by their English labels, not their codes
        this.joint = new JointDisclosure(
                disclosureControl.minimumCellSize(),
                disclosureControl.protectionRange(),
                (dimension, category) -> labels.label(dimension, category, java.util.Locale.ENGLISH),
                reasons);
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether any release was ever assembled, published or not. */
    public boolean any() {
        return jdbc.sql("select exists (select 1 from statistics.release)")
                .query(Boolean.class)
                .single();
    }

    @Transactional
    @PreAuthorize("hasAuthority('statistics:release:all')")
    public Release assemble(String title, List<TableRequest> requests, Rounding rounding) {
        return assemble(title, requests, rounding, List.of());
    }

    /**
     * A release of national tables and of agencies' figures ({@link ReportedFigures}, tables after the national ones):
     * the agencies' counts of persons get primary suppression as national tables do, and every table, national or
     * reported, goes through the same joint check against everything published (a corrected agency figure that
     * differs from its published value is withheld as a revised count is).
     */
    @Transactional
    @PreAuthorize("hasAuthority('statistics:release:all')")
    public Release assemble(
            String title, List<TableRequest> requests, Rounding rounding, List<ReportedFigures> reported) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw ReleaseRefused.because("title", "A release needs a title of at most 200 characters.");
        }
        if (requests.isEmpty()) {
            throw ReleaseRefused.because("noTable", "Choose at least one table for the release.");
        }
        List<JointDisclosure.Candidate> candidates = new ArrayList<>();
        for (TableRequest request : requests) {
            var counted = statistics.counted(request, rounding);
            candidates.add(new JointDisclosure.Candidate(
                    "table " + (candidates.size() + 1),
                    request,
                    TableView.of(request, counted.table()),
                    counted.counts().withTotals()));
        }
        candidates.addAll(ReportedTables.candidates(
                reported, disclosureControl.minimumCellSize(), disclosureControl.protectionRange(), candidates.size()));
        List<TableRequest> checked = new ArrayList<>(requests);
        candidates.stream()
                .map(JointDisclosure.Candidate::request)
                .filter(request -> request.event() == EventKind.AGENCY_FIGURE)
                .distinct()
                .forEach(checked::add);
        var outcome = joint.protect(candidates, ledger.overlapping(checked), statistics.knowledge(checked));
        List<TableView> tables = outcome.tables();
        var release = new Release(
                UUID.randomUUID(),
                title.strip(),
                Release.ReleaseStatus.AWAITING_APPROVAL,
                tables,
                actor().accountId(),
                Instant.now(clock),
                null,
                null,
                outcome.personsWithheld(),
                outcome.millis());
        jdbc.sql("""
                        insert into statistics.release (id, title, status, tables, assembled_by, assembled_at,
                            withheld_persons, check_millis)
                        values (:id, :title, :status, cast(:tables as jsonb), :by, :at, :persons, :millis)
                        """)
                .param("id", release.id())
                .param("title", release.title())
                .param("status", release.status().name())
                .param("tables", json.writeValueAsString(tables))
                .param("by", release.assembledBy())
                .param("at", java.sql.Timestamp.from(release.assembledAt()))
                .param("persons", release.withheldPersons())
                .param("millis", release.checkMillis())
                .update();
        audit.record(
                AuditAction.RELEASE_ASSEMBLED,
                RECORD_TYPE,
                release.id(),
                "tables=" + tables.size() + " suppressed=" + release.suppressions() + " joint="
                        + outcome.cellsWithheld() + " ms=" + outcome.millis());
        return release;
    }

    @Transactional
    @PreAuthorize("hasAuthority('statistics:release:all')")
    public Release approve(UUID id) {
        var release = find(id).orElseThrow(() -> new RecordNotFound("release", id));
        if (release.status() != Release.ReleaseStatus.AWAITING_APPROVAL) {
            throw ReleaseRefused.because("published", "This release is already published.");
        }
        UUID approver = actor().accountId();
        if (approver.equals(release.assembledBy())) {
            throw ReleaseRefused.because(
                    "sameStatistician", "A second statistician must approve: you assembled this release.");
        }
        var requests = release.tables().stream()
                .map(view -> TableRequest.of(
                        view.rows(), view.columns(), view.event().name(), view.from(), view.to(), view.region()))
                .toList();
        var exposures = joint.exposures(release.tables(), ledger.overlapping(requests), statistics.knowledge(requests));
        if (!exposures.isEmpty()) {
            throw new ReleaseRefused(
                    "changed",
                    "Releases published since this one was assembled change what a reader can work out: "
                            + String.join(
                                    "; ",
                                    exposures.stream()
                                            .map(JointDisclosure.Exposure::describe)
                                            .limit(3)
                                            .toList())
                            + ". Nothing was published; assemble the release again.",
                    exposures.stream()
                            .map(JointDisclosure.Exposure::reason)
                            .limit(3)
                            .toList(),
                    joint.reasons());
        }
        Instant now = Instant.now(clock);
        jdbc.sql(
                        "update statistics.release set status = 'PUBLISHED', approved_by = :by, approved_at = :at where id = :id")
                .param("by", approver)
                .param("at", java.sql.Timestamp.from(now))
                .param("id", id)
                .update();
        ledger.record(release, now);
        audit.record(AuditAction.RELEASE_APPROVED, RECORD_TYPE, id);
        audit.record(
                AuditAction.RELEASE_PUBLISHED,
                RECORD_TYPE,
                id,
                "tables=" + release.tables().size());
        return find(id).orElseThrow();
    }

    /** One table of a published release, for a download; audited. A release awaiting approval has none to give. */
    @Transactional
    @PreAuthorize("hasAuthority('statistics:read:all')")
    TableView download(UUID id, int index, String format) {
        var release = find(id).orElseThrow(() -> new RecordNotFound("release", id));
        if (release.status() != Release.ReleaseStatus.PUBLISHED) {
            throw ReleaseRefused.because(
                    "notPublished", "This release is not published yet: its tables cannot be downloaded.");
        }
        if (index < 0 || index >= release.tables().size()) {
            throw new RecordNotFound("published release table", id + "/" + index);
        }
        audit.record(AuditAction.RELEASE_DOWNLOADED, RECORD_TYPE, id, "table=" + index + " format=" + format);
        return release.tables().get(index);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:read:all')")
    List<Release> all() {
        return jdbc.sql("select * from statistics.release order by assembled_at desc")
                .query((rs, n) -> release(rs))
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:read:all')")
    public Optional<Release> find(UUID id) {
        return jdbc.sql("select * from statistics.release where id = ?")
                .param(id)
                .query((rs, n) -> release(rs))
                .optional();
    }

    private Release release(java.sql.ResultSet rs) throws java.sql.SQLException {
        var approvedAt = rs.getTimestamp("approved_at");
        return new Release(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                Release.ReleaseStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("tables"), TABLES),
                rs.getObject("assembled_by", UUID.class),
                rs.getTimestamp("assembled_at").toInstant(),
                rs.getObject("approved_by", UUID.class),
                approvedAt == null ? null : approvedAt.toInstant(),
                rs.getLong("withheld_persons"),
                rs.getLong("check_millis"));
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new IllegalStateException("releases need a signed-in actor"));
    }
}
