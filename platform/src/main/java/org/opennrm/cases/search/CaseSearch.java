package org.opennrm.cases.search;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opennrm.access.Actor;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NRM's case list and search. Without search text it lists cases by reference, newest first, open and closed
 * (closed cases do not drop out of sight as they do from the queue), reading plain columns only. With a reference
 * it finds that case; with name words it finds the persons whose given, family or other names hold every word,
 * however an agency spelt them (folded as linkage folds names: Oleksandr, Aleksandr and Олександр are one word);
 * with a date of birth (alone or with name words) the persons born that day.
 *
 * <p>The filters (status, stage, referring organisation, due, "mine") are plain columns and combine with each other,
 * with the search and with paging. "Mine" are the cases the person searching has worked on: referred, decided,
 * reviewed, written a note or uploaded a document in, or is the guardian of (the NRM has no case assignment yet;
 * when it does, the assigned cases belong here too).
 *
 * <p>A date of birth is found through the same blind index as the name words ({@link Persons#birthToken}), then
 * checked on the decrypted identity and logged like a name match: decrypting every identity to compare dates would
 * read every person's file for one search, and a date kept in clear or under an unkeyed hash would let anyone with
 * the database list who was born when (a date of birth has few enough values to be guessed through any plain hash).
 */
@Service
public class CaseSearch {

    /** Lines per page of the list. */
    public static final int PAGE = 50;

    /** At most this many persons are checked for a name search; a name that common needs another word. */
    static final int CANDIDATES = 500;

    /** A reference as written (NRM-2026-000123), or its number alone (2026-000123, 2026-123). */
    private static final Pattern REFERENCE = Pattern.compile("(?i)(?:NRM-)?(\\d{4})-0*(\\d{1,9})");

    /** A date of birth in the search text: 1990-03-12, or day first as written in Europe, 12.03.1990 or 12/03/1990. */
    private static final Pattern BIRTH_DATE = Pattern.compile(
            "(?<![\\d.\\-/])(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})|(\\d{1,2})[./](\\d{1,2})[./](\\d{4}))(?![\\d.\\-/])");

    private final JdbcClient jdbc;
    private final Persons persons;
    private final AuditTrail audit;
    private final Clock clock;

    CaseSearch(JdbcClient jdbc, Persons persons, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
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
        var filters = filtersOf(query);
        var reference = REFERENCE.matcher(query.text());
        if (reference.matches()) {
            var written = "NRM-%s-%06d".formatted(reference.group(1), Long.parseLong(reference.group(2)));
            return jdbc.sql(SELECT + " where c.reference = :reference" + filters.sql())
                    .param("reference", written.toUpperCase(Locale.ROOT))
                    .params(filters.params())
                    .query((rs, n) -> listing(rs, null))
                    .list();
        }
        LocalDate bornOn = null;
        var text = query.text();
        var date = BIRTH_DATE.matcher(text);
        if (date.find()) {
            bornOn = dateOf(date);
            if (bornOn == null) {
                throw new CaseRuleViolation("caseSearch.badDate", "The date of birth is not a date of the calendar.");
            }
            text = text.substring(0, date.start()) + " " + text.substring(date.end());
        }
        var words = NameFolding.words(text);
        if (words.isEmpty() && bornOn == null) {
            return List.of();
        }
        return byName(query, words, bornOn, filters);
    }

    private List<CaseListing> list(CaseQuery query) {
        var filters = filtersOf(query);
        return jdbc.sql(SELECT + " where true" + filters.sql()
                        + " order by c.referred_on desc, c.reference desc offset :offset limit :limit")
                .params(filters.params())
                .param("offset", query.page() * PAGE)
                .param("limit", PAGE + 1)
                .query((rs, n) -> listing(rs, null))
                .list();
    }

    private static LocalDate dateOf(java.util.regex.Matcher date) {
        try {
            return date.group(1) != null
                    ? LocalDate.of(
                            Integer.parseInt(date.group(1)),
                            Integer.parseInt(date.group(2)),
                            Integer.parseInt(date.group(3)))
                    : LocalDate.of(
                            Integer.parseInt(date.group(6)),
                            Integer.parseInt(date.group(5)),
                            Integer.parseInt(date.group(4)));
        } catch (java.time.DateTimeException notADay) {
            return null;
        }
    }

    /**
     * Candidates by bucket, then the decrypted names: only a person whose names hold every word is a match, and
     * each match shown is logged as a read of its case before it is returned. Candidates ruled out are never shown
     * or logged. Paged in memory: a name search finds a handful of persons.
     *
     * <p>The candidates' cases are walked in the list's order and their names decrypted {@link #DECRYPTED_AT_ONCE}
     * persons at a time, only until the page (and one line more, which says there is a next page) is full: a common
     * family name's bucket holds hundreds of persons, and decrypting all of them to show fifty was most of a search's
     * work ({@code bench/identification/search-ab.sh} measures both). The page is the same as if every candidate had
     * been decrypted, because the matches are taken in the same order.
     */
    private List<CaseListing> byName(CaseQuery query, List<String> words, LocalDate bornOn, Filters filters) {
        var tokens = new ArrayList<>(words);
        if (bornOn != null) {
            tokens.add(Persons.birthToken(bornOn));
        }
        var candidates = persons.candidatesFor(tokens, CANDIDATES);
        if (candidates.isEmpty()) {
            return List.of();
        }
        var rows = jdbc.sql(SELECT + " where c.person_id in (:persons)" + filters.sql()
                        + " order by c.referred_on desc, c.reference desc")
                .param("persons", candidates)
                .params(filters.params())
                .query((rs, n) -> new Candidate(rs.getObject("person_id", UUID.class), listing(rs, null)))
                .list();
        int from = query.page() * PAGE;
        int wanted = from + PAGE + 1;
        var identities = new java.util.HashMap<UUID, PersonIdentity>();
        var decrypted = new java.util.HashSet<UUID>();
        var matches = new ArrayList<CaseListing>();
        int next = 0;
        for (int at = 0; at < rows.size() && matches.size() < wanted; at++) {
            var row = rows.get(at);
            if (!decrypted.contains(row.personId())) {
                // the next persons not yet decrypted, in the order their cases come
                var batch = new java.util.LinkedHashSet<UUID>();
                for (next = Math.max(next, at); next < rows.size() && batch.size() < DECRYPTED_AT_ONCE; next++) {
                    var person = rows.get(next).personId();
                    if (!decrypted.contains(person)) {
                        batch.add(person);
                    }
                }
                identities.putAll(persons.namesOf(batch, bornOn != null));
                decrypted.addAll(batch);
            }
            var identity = identities.get(row.personId());
            if (identity == null
                    || !holdsAll(identity, words)
                    || (bornOn != null && !bornOn.equals(identity.dateOfBirth()))) {
                continue;
            }
            matches.add(row.withName(nameOf(identity)));
        }
        from = Math.min(from, matches.size());
        var page = matches.subList(from, Math.min(from + PAGE + 1, matches.size()));
        // logged before it is shown: the name on the line is a read of the case
        audit.recordAll(
                AuditAction.READ,
                "case",
                page.stream().limit(PAGE).map(CaseListing::caseId).toList(),
                "search");
        return List.copyOf(page);
    }

    /** Persons whose names are decrypted in one statement while a search fills its page. */
    static final int DECRYPTED_AT_ONCE = 64;

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

    /** The conditions of the query's filters, to add to a where clause, and their parameters. */
    private record Filters(String sql, java.util.Map<String, Object> params) {}

    private Filters filtersOf(CaseQuery query) {
        var sql = new StringBuilder();
        var params = new java.util.HashMap<String, Object>();
        if (query.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.stage() != null) {
            sql.append(" and c.stage = :stage");
            params.put("stage", query.stage().name());
        }
        if (query.organisationId() != null) {
            sql.append(" and c.referring_organisation_id = :organisation");
            params.put("organisation", query.organisationId());
        }
        if (query.due() != null) {
            var today = LocalDate.now(clock);
            if (query.due() == CaseDue.OVERDUE) {
                sql.append(" and c.status = 'OPEN' and c.next_due_on < :today");
            } else {
                sql.append(" and c.status = 'OPEN' and c.next_due_on between :today and :weekEnd");
                params.put("weekEnd", today.plusDays(6));
            }
            params.put("today", today);
        }
        if (query.mine()) {
            sql.append(" and ").append(MINE);
            params.put(
                    "me",
                    Actor.current()
                            .orElseThrow(() -> new AccessDeniedException("Not signed in"))
                            .accountId());
        }
        return new Filters(sql.toString(), params);
    }

    /**
     * The cases the person searching worked on or is the guardian of (the guardian appointed last: latest
     * {@code appointed_at}, on a tie the smallest id). Written as one set of case ids, each part read through an index
     * on who did it: as a condition tested on every case file (or-ed {@code exists}), "mine" read all 100,000 case
     * files of a large installation and took a second.
     */
    private static final String MINE = """
            c.id in (
                select m.id from cases.case_file m where m.referred_by = :me
                union select d.case_id from cases.decision d where d.decided_by = :me
                union select r.case_id from cases.review r where r.recorded_by = :me
                union select n.case_id from cases.case_note n where n.recorded_by = :me
                union select f.case_id from cases.case_document f where f.uploaded_by = :me
                union select g.case_id from cases.guardian_appointment g
                      where g.guardian_account_id = :me
                        and not exists (select 1 from cases.guardian_appointment later
                                        where later.case_id = g.case_id
                                          and (later.appointed_at > g.appointed_at
                                               or (later.appointed_at = g.appointed_at and later.id < g.id))))""";

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
