package org.opennrm.statistics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Assembling, approving and reading releases. Before a release is assembled and again before it is
 * published, every table is compared with the tables of published releases that count the same thing over
 * a nested period: if subtracting one published cell from the other would give a count between 1 and the
 * minimum cell size, the release is refused (differencing would reveal a small group). Then the joint disclosure
 * check ({@link JointDisclosure}) solves what a reader of every overlapping published table (the {@link Ledger}) and
 * of the new ones could work out, and withholds more cells of the new tables where a small cell would be narrowed
 * too far, or refuses the release. At approval it runs again against what was published meanwhile, and the
 * approved release's cells are written to the ledger in the same transaction.
 *
 * <p>Each step is written to the audit trail: assembled, approved and published (one approval does both, as two
 * entries), and every download of a published table. A refused step writes nothing and stores nothing.
 */
@Service
class Releases {

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
            Clock clock) {
        this.statistics = statistics;
        this.disclosureControl = disclosureControl;
        this.ledger = ledger;
        this.joint = new JointDisclosure(disclosureControl.minimumCellSize(), disclosureControl.protectionRange());
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAuthority('statistics:release:all')")
    Release assemble(String title, List<TableRequest> requests, Rounding rounding) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new ReleaseRefused("A release needs a title of at most 200 characters.");
        }
        if (requests.isEmpty()) {
            throw new ReleaseRefused("Choose at least one table for the release.");
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
        checkDifferencing(
                candidates.stream().map(JointDisclosure.Candidate::view).toList());
        var outcome = joint.protect(
                candidates, ledger.overlapping(requests), new JointDisclosure.Knowledge(ledger.ageBandsNest()));
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
    Release approve(UUID id) {
        var release = find(id).orElseThrow(() -> new RecordNotFound("release", id));
        if (release.status() != Release.ReleaseStatus.AWAITING_APPROVAL) {
            throw new ReleaseRefused("This release is already published.");
        }
        UUID approver = actor().accountId();
        if (approver.equals(release.assembledBy())) {
            throw new ReleaseRefused("A second statistician must approve: you assembled this release.");
        }
        checkDifferencing(release.tables());
        var requests = release.tables().stream()
                .map(view -> TableRequest.of(
                        view.rows(), view.columns(), view.event().name(), view.from(), view.to(), view.region()))
                .toList();
        var exposures = joint.exposures(
                release.tables(), ledger.overlapping(requests), new JointDisclosure.Knowledge(ledger.ageBandsNest()));
        if (!exposures.isEmpty()) {
            throw new ReleaseRefused("Releases published since this one was assembled change what a reader can work"
                    + " out: "
                    + String.join(
                            "; ",
                            exposures.stream()
                                    .map(JointDisclosure.Exposure::describe)
                                    .limit(3)
                                    .toList())
                    + ". Nothing was published; assemble the release again.");
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
            throw new ReleaseRefused("This release is not published yet: its tables cannot be downloaded.");
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
    Optional<Release> find(UUID id) {
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

    /** Refuses tables whose difference from a published table over a nested period reveals a small count. */
    private void checkDifferencing(List<TableView> tables) {
        List<TableView> published = jdbc
                .sql("select tables from statistics.release where status = 'PUBLISHED'")
                .query(String.class)
                .list()
                .stream()
                .flatMap(text -> json.readValue(text, TABLES).stream())
                .toList();
        List<String> problems = new ArrayList<>();
        for (TableView table : tables) {
            for (TableView old : published) {
                if (sameCount(table, old) && nested(table, old) && !samePeriod(table, old)) {
                    differences(table, old, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ReleaseRefused("Differencing with a published release would reveal small counts: "
                    + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? " and " + (problems.size() - 5) + " more" : "")
                    + ". Choose periods that do not nest inside published ones, or a coarser table.");
        }
    }

    private void differences(TableView table, TableView old, List<String> problems) {
        int threshold = disclosureControl.minimumCellSize();
        for (int r = 0; r < table.rowCategories().size(); r++) {
            int oldRow = old.rowCategories().indexOf(table.rowCategories().get(r));
            for (int c = 0; c < table.columnCategories().size(); c++) {
                int oldColumn =
                        old.columnCategories().indexOf(table.columnCategories().get(c));
                Long now = table.cells().get(r).get(c);
                Long before = oldRow < 0 || oldColumn < 0
                        ? Long.valueOf(0)
                        : old.cells().get(oldRow).get(oldColumn);
                if (now != null && before != null) {
                    long difference = Math.abs(now - before);
                    if (difference > 0 && difference < threshold) {
                        problems.add(table.rows() + " " + table.rowCategories().get(r) + ", " + table.columns() + " "
                                + table.columnCategories().get(c) + " differs by " + difference);
                    }
                }
            }
        }
        Long now = table.grandTotal();
        Long before = old.grandTotal();
        if (now != null && before != null) {
            long difference = Math.abs(now - before);
            if (difference > 0 && difference < threshold) {
                problems.add("the grand totals differ by " + difference);
            }
        }
    }

    private static boolean sameCount(TableView a, TableView b) {
        return a.event() == b.event()
                && a.rows().equals(b.rows())
                && a.columns().equals(b.columns())
                && Objects.equals(a.region(), b.region());
    }

    private static boolean samePeriod(TableView a, TableView b) {
        return Objects.equals(a.from(), b.from()) && Objects.equals(a.to(), b.to());
    }

    /** One period lies within the other (open ends reach as far as the data). */
    private static boolean nested(TableView a, TableView b) {
        return within(a, b) || within(b, a);
    }

    private static boolean within(TableView inner, TableView outer) {
        int innerFrom = inner.from() == null ? Integer.MIN_VALUE : TableRequest.index(inner.from());
        int innerTo = inner.to() == null ? Integer.MAX_VALUE : TableRequest.index(inner.to());
        int outerFrom = outer.from() == null ? Integer.MIN_VALUE : TableRequest.index(outer.from());
        int outerTo = outer.to() == null ? Integer.MAX_VALUE : TableRequest.index(outer.to());
        return outerFrom <= innerFrom && innerTo <= outerTo;
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new IllegalStateException("releases need a signed-in actor"));
    }
}
