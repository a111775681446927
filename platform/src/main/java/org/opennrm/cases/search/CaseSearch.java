package org.opennrm.cases.search;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.Persons;
import org.opennrm.cases.Stage;
import org.opennrm.linkage.NameFolding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NRM's case list and search. Without search text it lists cases by reference, newest first, open and closed
 * (closed cases do not drop out of sight as they do from the queue), reading plain columns only. With a reference
 * it finds that case; with name words it finds the persons whose given, family or other names hold every word,
 * however an agency spelt them (folded as linkage folds names: Oleksandr, Aleksandr and Олександр are one word).
 */
@Service
public class CaseSearch {

    /** Lines per page of the list. */
    public static final int PAGE = 50;

    /** At most this many persons are checked for a name search; a name that common needs another word. */
    static final int CANDIDATES = 500;

    /** A reference as written (NRM-2026-000123), or its number alone (2026-000123, 2026-123). */
    private static final Pattern REFERENCE = Pattern.compile("(?i)(?:NRM-)?(\\d{4})-0*(\\d{1,9})");

    private final JdbcClient jdbc;
    private final Persons persons;
    private final AuditTrail audit;

    CaseSearch(JdbcClient jdbc, Persons persons, AuditTrail audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
    }

    /** One page of the list (one line more than {@link #PAGE} when there is a next page). */
    @Transactional
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<CaseListing> find(CaseQuery query) {
        if (query.text().length() > CaseQuery.TEXT_LIMIT) {
            throw new CaseRuleViolation(
                    "caseSearch.tooLong", "The search text is longer than " + CaseQuery.TEXT_LIMIT + " characters.");
        }
        if (!query.hasText()) {
            return list(query);
        }
        var reference = REFERENCE.matcher(query.text());
        if (reference.matches()) {
            var written = "NRM-%s-%06d".formatted(reference.group(1), Long.parseLong(reference.group(2)));
            return jdbc.sql(SELECT + " where c.reference = :reference" + statusFilter(query))
                    .param("reference", written.toUpperCase(Locale.ROOT))
                    .params(statusParam(query))
                    .query((rs, n) -> listing(rs, null))
                    .list();
        }
        var words = NameFolding.words(query.text());
        if (words.isEmpty()) {
            return List.of();
        }
        return byName(query, words);
    }

    private List<CaseListing> list(CaseQuery query) {
        return jdbc.sql(SELECT + " where true" + statusFilter(query)
                        + " order by c.referred_on desc, c.reference desc offset :offset limit :limit")
                .params(statusParam(query))
                .param("offset", query.page() * PAGE)
                .param("limit", PAGE + 1)
                .query((rs, n) -> listing(rs, null))
                .list();
    }

    /**
     * Candidates by bucket, then the decrypted names: only a person whose names hold every word is a match, and
     * each match shown is logged as a read of its case before it is returned. Candidates ruled out are never shown
     * or logged. Paged in memory: a name search finds a handful of persons.
     */
    private List<CaseListing> byName(CaseQuery query, List<String> words) {
        var candidates = persons.candidatesFor(words, CANDIDATES);
        if (candidates.isEmpty()) {
            return List.of();
        }
        var rows = jdbc.sql(SELECT + " where c.person_id in (:persons)" + statusFilter(query)
                        + " order by c.referred_on desc, c.reference desc")
                .param("persons", candidates)
                .params(statusParam(query))
                .query((rs, n) -> new Candidate(rs.getObject("person_id", UUID.class), listing(rs, null)))
                .list();
        var matches = new ArrayList<CaseListing>();
        for (var row : rows) {
            var identity = persons.find(row.personId()).orElse(null);
            if (identity == null || !holdsAll(identity, words)) {
                continue;
            }
            matches.add(row.withName(nameOf(identity)));
        }
        int from = Math.min(query.page() * PAGE, matches.size());
        var page = matches.subList(from, Math.min(from + PAGE + 1, matches.size()));
        // logged before it is shown: the name on the line is a read of the case
        page.stream().limit(PAGE).forEach(line -> audit.record(AuditAction.READ, "case", line.caseId(), "search"));
        return List.copyOf(page);
    }

    private static boolean holdsAll(PersonIdentity identity, List<String> words) {
        var held = new java.util.HashSet<String>();
        held.addAll(NameFolding.words(identity.givenName()));
        held.addAll(NameFolding.words(identity.familyName()));
        held.addAll(NameFolding.words(identity.otherNames()));
        return held.containsAll(words);
    }

    private static String nameOf(PersonIdentity identity) {
        var name = new StringBuilder();
        for (var part : new String[] {identity.givenName(), identity.familyName()}) {
            if (part != null) {
                name.append(name.isEmpty() ? "" : " ").append(part);
            }
        }
        if (identity.otherNames() != null) {
            name.append(name.isEmpty() ? "" : " ")
                    .append('(')
                    .append(identity.otherNames())
                    .append(')');
        }
        return name.toString();
    }

    private static final String SELECT = """
            select c.id, c.person_id, c.reference, c.status, c.stage, c.age_category, c.referred_on, c.closed_at
            from cases.case_file c""";

    private static String statusFilter(CaseQuery query) {
        return query.status() == null ? "" : " and c.status = :status";
    }

    private static java.util.Map<String, Object> statusParam(CaseQuery query) {
        return query.status() == null
                ? java.util.Map.of()
                : java.util.Map.of("status", query.status().name());
    }

    private static CaseListing listing(ResultSet rs, String name) throws SQLException {
        var closedAt = rs.getTimestamp("closed_at");
        Date referredOn = rs.getDate("referred_on");
        return new CaseListing(
                CaseId.of(rs.getObject("id", UUID.class)),
                rs.getString("reference"),
                CaseStatus.valueOf(rs.getString("status")),
                Stage.valueOf(rs.getString("stage")),
                AgeCategory.valueOf(rs.getString("age_category")),
                referredOn == null ? null : referredOn.toLocalDate(),
                closedAt == null ? null : LocalDate.ofInstant(closedAt.toInstant(), ZoneOffset.UTC),
                name);
    }

    private record Candidate(UUID personId, CaseListing listing) {
        CaseListing withName(String name) {
            return new CaseListing(
                    listing.caseId(),
                    listing.reference(),
                    listing.status(),
                    listing.stage(),
                    listing.ageCategory(),
                    listing.referredOn(),
                    listing.closedOn(),
                    name);
        }
    }
}
