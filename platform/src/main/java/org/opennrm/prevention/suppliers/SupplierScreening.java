package org.opennrm.prevention.suppliers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.prevention.finance.ImportInvalid;
import org.opennrm.prevention.finance.LineProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A procurement office's supplier screening: lists of employers found using forced labour imported with their source,
 * the office's supplier list, the screening of every supplier against every list (company-name similarity by the
 * linkage library, and country), and the review of each candidate match (confirm, or dismiss with a reason). Everything
 * belongs to the office that imported it: every read filters on the actor's organisation (another office's record
 * answers 404), and every import, screening and review is audited.
 */
@Service
public class SupplierScreening {

    static final String ACCESS = "hasAuthority('supplier:screening:organisation')";
    static final int MAX_REASON = 500;
    static final int LISTED = 1000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    SupplierScreening(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Imports a list with its source, whole or not at all. */
    @Transactional
    @PreAuthorize(ACCESS)
    public ForcedLabourList importList(ListSource source, String csv) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (blank(source.name()) || source.name().strip().length() > 200) {
            problems.put("name", "finance.suppliers.error.listName");
        }
        if (blank(source.publisher()) || source.publisher().strip().length() > 200) {
            problems.put("publisher", "finance.suppliers.error.publisher");
        }
        if (source.publishedOn() == null
                || source.publishedOn().isAfter(LocalDate.now(clock))
                || source.publishedOn().isBefore(LocalDate.of(1990, 1, 1))) {
            problems.put("publishedOn", "finance.suppliers.error.publishedOn");
        }
        if (blank(source.url()) || !source.url().strip().matches("https?://\\S{3,490}")) {
            problems.put("url", "finance.suppliers.error.url");
        }
        if (!problems.isEmpty()) {
            throw new ScreeningInvalid(problems);
        }
        List<CompanyCsv.Company> employers = CompanyCsv.employers(csv);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into prevention.forced_labour_list (id, organisation_id, name, publisher, published_on, url,"
                        + " entries, imported_by, imported_at) values (:id, :organisation, :name, :publisher,"
                        + " :published, :url, :entries, :by, :at)")
                .param("id", id)
                .param("organisation", organisation())
                .param("name", source.name().strip())
                .param("publisher", source.publisher().strip())
                .param("published", source.publishedOn())
                .param("url", source.url().strip())
                .param("entries", employers.size())
                .param("by", Actor.current().map(Actor::accountId).orElseThrow())
                .param("at", Timestamp.from(now))
                .update();
        for (CompanyCsv.Company employer : employers) {
            jdbc.sql("insert into prevention.listed_employer (id, list_id, organisation_id, name, country) values"
                            + " (:id, :list, :organisation, :name, :country)")
                    .param("id", UUID.randomUUID())
                    .param("list", id)
                    .param("organisation", organisation())
                    .param("name", employer.name())
                    .param("country", employer.country())
                    .update();
        }
        audit.record(AuditAction.CREATE, "forced-labour-list", id, employers.size() + " employers");
        return new ForcedLabourList(
                id,
                source.name().strip(),
                source.publisher().strip(),
                source.publishedOn(),
                source.url().strip(),
                employers.size(),
                now);
    }

    /** Imports the office's suppliers, whole or not at all; a reference the office already holds is a line problem. */
    @Transactional
    @PreAuthorize(ACCESS)
    public int importSuppliers(String csv) {
        List<CompanyCsv.Company> suppliers = CompanyCsv.suppliers(csv);
        var problems = new ArrayList<LineProblem>();
        for (CompanyCsv.Company supplier : suppliers) {
            boolean held = jdbc.sql("select exists (select 1 from prevention.supplier where organisation_id ="
                            + " :organisation and reference = :reference)")
                    .param("organisation", organisation())
                    .param("reference", supplier.reference())
                    .query(Boolean.class)
                    .single();
            if (held && problems.size() < CompanyCsv.MAX_PROBLEMS) {
                problems.add(LineProblem.at(supplier.line(), "finance.suppliers.problem.referenceTaken"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportInvalid(problems, 0);
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (CompanyCsv.Company supplier : suppliers) {
            jdbc.sql("insert into prevention.supplier (id, organisation_id, reference, name, country, imported_at)"
                            + " values (:id, :organisation, :reference, :name, :country, :at)")
                    .param("id", UUID.randomUUID())
                    .param("organisation", organisation())
                    .param("reference", supplier.reference())
                    .param("name", supplier.name())
                    .param("country", supplier.country())
                    .param("at", now)
                    .update();
        }
        audit.record(AuditAction.CREATE, "supplier-import", UUID.randomUUID(), suppliers.size() + " suppliers");
        return suppliers.size();
    }

    /**
     * Screens every supplier of the office against every list it imported: new candidate matches are kept for review
     * (a match already reviewed keeps its decision), and each supplier's result is set. Returns how many candidates
     * await review.
     */
    @Transactional
    @PreAuthorize(ACCESS)
    public int screen() {
        UUID organisation = organisation();
        var suppliers = jdbc.sql("select id, name, country from prevention.supplier where organisation_id = :o")
                .param("o", organisation)
                .query(SupplierScreening::named)
                .list();
        var employers = jdbc.sql("select id, name, country from prevention.listed_employer where organisation_id = :o")
                .param("o", organisation)
                .query(SupplierScreening::named)
                .list();
        Timestamp now = Timestamp.from(clock.instant());
        var candidates = SupplierMatching.candidates(suppliers, employers, SupplierMatching.DEFAULT_THRESHOLD);
        for (SupplierMatching.Candidate candidate : candidates) {
            jdbc.sql("insert into prevention.supplier_match (id, organisation_id, supplier_id, employer_id, similarity,"
                            + " status, found_at) values (:id, :o, :supplier, :employer, :similarity, 'PENDING', :at)"
                            + " on conflict (supplier_id, employer_id) do nothing")
                    .param("id", UUID.randomUUID())
                    .param("o", organisation)
                    .param("supplier", candidate.supplierId())
                    .param("employer", candidate.employerId())
                    .param("similarity", Math.round(candidate.similarity() * 1000) / 1000.0)
                    .param("at", now)
                    .update();
        }
        jdbc.sql("update prevention.supplier s set screened_at = :at, result = " + RESULT + " where organisation_id ="
                        + " :o")
                .param("at", now)
                .param("o", organisation)
                .update();
        int pending = jdbc.sql("select count(*) from prevention.supplier_match where organisation_id = :o and status ="
                        + " 'PENDING'")
                .param("o", organisation)
                .query(Integer.class)
                .single();
        audit.record(
                AuditAction.CREATE,
                "supplier-screening",
                UUID.randomUUID(),
                suppliers.size() + " suppliers, " + employers.size() + " listed employers, " + pending + " to review");
        return pending;
    }

    /* a supplier's result from its matches: one confirmed makes it matched, one pending leaves it to review */
    private static final String RESULT = "case when exists (select 1 from prevention.supplier_match m where"
            + " m.supplier_id = s.id and m.status = 'CONFIRMED') then 'MATCHED' when exists (select 1 from"
            + " prevention.supplier_match m where m.supplier_id = s.id and m.status = 'PENDING') then 'TO_REVIEW'"
            + " else 'CLEAR' end";

    /** Confirms or dismisses a candidate match (a dismissal needs its reason); audited. */
    @Transactional
    @PreAuthorize(ACCESS)
    public SupplierMatch review(UUID matchId, SupplierMatch.Decision decision, String reason) {
        SupplierMatch match = match(matchId);
        Map<String, String> problems = new LinkedHashMap<>();
        String why = reason == null ? "" : reason.strip();
        if (match.status() != SupplierMatch.Status.PENDING) {
            problems.put("decision", "finance.suppliers.error.reviewed");
        } else if (decision == null) {
            problems.put("decision", "finance.suppliers.error.decision");
        }
        if (decision == SupplierMatch.Decision.DISMISS && why.isEmpty()) {
            problems.put("reason", "finance.suppliers.error.reason");
        }
        if (why.length() > MAX_REASON) {
            problems.put("reason", "finance.suppliers.error.reasonLength");
        }
        if (!problems.isEmpty()) {
            throw new ScreeningInvalid(problems);
        }
        UUID organisation = organisation();
        jdbc.sql("update prevention.supplier_match set status = :status, reason = :reason, reviewed_by = :by,"
                        + " reviewed_at = :at where id = :id and organisation_id = :o")
                .param("status", decision == SupplierMatch.Decision.CONFIRM ? "CONFIRMED" : "DISMISSED")
                .param("reason", why.isEmpty() ? null : why)
                .param("by", Actor.current().map(Actor::accountId).orElseThrow())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", matchId)
                .param("o", organisation)
                .update();
        jdbc.sql("update prevention.supplier s set result = " + RESULT + " where id = :id and organisation_id = :o")
                .param("id", match.supplierId())
                .param("o", organisation)
                .update();
        audit.record(AuditAction.UPDATE, "supplier-match", matchId, decision.name());
        return match(matchId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ACCESS)
    public List<ForcedLabourList> lists() {
        return jdbc.sql("select id, name, publisher, published_on, url, entries, imported_at from"
                        + " prevention.forced_labour_list where organisation_id = :o order by imported_at desc")
                .param("o", organisation())
                .query((rs, n) -> new ForcedLabourList(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("publisher"),
                        rs.getObject("published_on", LocalDate.class),
                        rs.getString("url"),
                        rs.getInt("entries"),
                        rs.getTimestamp("imported_at").toInstant()))
                .list();
    }

    /** The office's suppliers, those to review and matched first (at most 1,000). */
    @Transactional(readOnly = true)
    @PreAuthorize(ACCESS)
    public List<Supplier> suppliers() {
        return jdbc.sql("select id, reference, name, country, result, screened_at from prevention.supplier where"
                        + " organisation_id = :o order by case result when 'MATCHED' then 0 when 'TO_REVIEW' then 1"
                        + " else 2 end, name limit " + LISTED)
                .param("o", organisation())
                .query((rs, n) -> new Supplier(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        rs.getString("name"),
                        rs.getString("country"),
                        Supplier.Result.valueOf(rs.getString("result")),
                        rs.getTimestamp("screened_at") == null
                                ? null
                                : rs.getTimestamp("screened_at").toInstant()))
                .list();
    }

    /** The office's candidate matches awaiting review, most alike first. */
    @Transactional(readOnly = true)
    @PreAuthorize(ACCESS)
    public List<SupplierMatch> pending() {
        return jdbc.sql(MATCHES + " where m.organisation_id = :o and m.status = 'PENDING' order by m.similarity desc,"
                        + " s.name limit " + LISTED)
                .param("o", organisation())
                .query(SupplierScreening::supplierMatch)
                .list();
    }

    /** A candidate match of the office; 404 for none or another office's. */
    @Transactional(readOnly = true)
    @PreAuthorize(ACCESS)
    public SupplierMatch match(UUID id) {
        return jdbc.sql(MATCHES + " where m.id = :id and m.organisation_id = :o")
                .param("id", id)
                .param("o", organisation())
                .query(SupplierScreening::supplierMatch)
                .optional()
                .orElseThrow(() -> new RecordNotFound("supplier match", id));
    }

    /** How many suppliers and pending matches the office has (for the home panel). */
    @Transactional(readOnly = true)
    @PreAuthorize(ACCESS)
    public long[] counts() {
        return jdbc.sql("select (select count(*) from prevention.supplier where organisation_id = :o), (select count(*)"
                        + " from prevention.supplier_match where organisation_id = :o and status = 'PENDING')")
                .param("o", organisation())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    private static final String MATCHES = "select m.id, m.supplier_id, s.name as supplier_name, s.country as"
            + " supplier_country, e.name as employer_name, e.country as employer_country, l.name as list_name, l.url"
            + " as list_url, m.similarity, m.status, m.reason, m.reviewed_at from prevention.supplier_match m join"
            + " prevention.supplier s on s.id = m.supplier_id join prevention.listed_employer e on e.id ="
            + " m.employer_id join prevention.forced_labour_list l on l.id = e.list_id";

    private static SupplierMatch supplierMatch(ResultSet rs, int row) throws SQLException {
        return new SupplierMatch(
                rs.getObject("id", UUID.class),
                rs.getObject("supplier_id", UUID.class),
                rs.getString("supplier_name"),
                rs.getString("supplier_country"),
                rs.getString("employer_name"),
                rs.getString("employer_country"),
                rs.getString("list_name"),
                rs.getString("list_url"),
                rs.getDouble("similarity"),
                SupplierMatch.Status.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getTimestamp("reviewed_at") == null
                        ? null
                        : rs.getTimestamp("reviewed_at").toInstant());
    }

    private static SupplierMatching.Named named(ResultSet rs, int row) throws SQLException {
        return new SupplierMatching.Named(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("country"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static UUID organisation() {
        return Actor.current().map(Actor::organisationId).orElseThrow();
    }
}
