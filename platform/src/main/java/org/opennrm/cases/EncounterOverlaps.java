package org.opennrm.cases;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which kinds of organisation encountered the persons referred into the NRM, as counts per combination of sectors:
 * the platform's own lists for multiple systems estimation. For statisticians and co-ordinators
 * ({@code statistics:read:all}); the answer is aggregate and every request is written to the audit trail.
 *
 * <p>The rule: a person referred in the period (a case whose referral date falls in it) is on the list of a sector
 * when an organisation of that sector referred them or took an identification decision (preliminary, formal or a
 * reconsideration) on any of their cases, or met them in a way another module records and hands in as an
 * {@link Encounter} (the referrals module: the organisation that accepted a referral to its services). Persons are counted by the person record, so a person with two cases is
 * counted once; a person referred twice as two persons, whose duplicate was never resolved, is counted twice.
 */
@Service
public class EncounterOverlaps {

    static final String RECORD_TYPE = "encounter-overlap";

    private final JdbcClient jdbc;
    private final OrganisationRegistry organisations;
    private final AuditTrail audit;

    EncounterOverlaps(JdbcClient jdbc, OrganisationRegistry organisations, AuditTrail audit) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** An organisation that met the person of a case, as another module records it: ids only. */
    public record Encounter(UUID caseId, UUID organisationId) {}

    /** Persons referred from the first day of {@code from} to the last day of {@code to}, by sectors met. */
    @Transactional
    @PreAuthorize("hasAuthority('statistics:read:all')")
    public EncounterOverlap encounterOverlap(Year from, Year to) {
        return encounterOverlap(from, to, List.of());
    }

    /** The same, with the encounters other modules record added to the referrals and decisions. */
    @Transactional
    @PreAuthorize("hasAuthority('statistics:read:all')")
    public EncounterOverlap encounterOverlap(Year from, Year to, List<Encounter> more) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new RuleViolation("Give a period whose first year is not after its last year.");
        }
        // one row per distinct set of organisations that met a person, with how many persons it met: no person leaves
        // the database
        List<OrganisationSet> sets = jdbc.sql("""
                        select organisations, count(*) as persons from (
                            select person_id, array_agg(distinct organisation_id order by organisation_id) as organisations
                            from (
                                select f.person_id, f.referring_organisation_id as organisation_id
                                from cases.case_file f
                                where f.referred_on between :first and :last
                                union
                                select f.person_id, d.organisation_id
                                from cases.decision d join cases.case_file f on f.id = d.case_id
                                where f.referred_on between :first and :last
                                union
                                select f.person_id, m.organisation_id
                                from unnest(cast(:caseIds as uuid[]), cast(:organisationIds as uuid[]))
                                    as m(case_id, organisation_id)
                                join cases.case_file f on f.id = m.case_id
                                where f.referred_on between :first and :last
                            ) encounters
                            group by person_id
                        ) persons
                        group by organisations
                        """)
                .param("first", from.atDay(1))
                .param("last", LocalDate.of(to.getValue(), 12, 31))
                .param("caseIds", array(more.stream().map(Encounter::caseId).toList()))
                .param(
                        "organisationIds",
                        array(more.stream().map(Encounter::organisationId).toList()))
                .query((rs, row) -> new OrganisationSet(uuids(rs.getArray("organisations")), rs.getLong("persons")))
                .list();

        Map<UUID, Sector> sectorOf = new HashMap<>();
        organisations.all().forEach(organisation -> sectorOf.put(organisation.id(), organisation.sector()));
        Map<Set<Sector>, Long> bySectors = new HashMap<>();
        EnumSet<Sector> seen = EnumSet.noneOf(Sector.class);
        for (OrganisationSet set : sets) {
            EnumSet<Sector> sectors = EnumSet.noneOf(Sector.class);
            for (UUID organisation : set.organisations()) {
                Sector sector = sectorOf.get(organisation);
                if (sector != null) {
                    sectors.add(sector);
                }
            }
            if (!sectors.isEmpty()) {
                bySectors.merge(sectors, set.persons(), Long::sum);
                seen.addAll(sectors);
            }
        }
        List<Sector> lists = List.copyOf(seen);
        Map<String, EncounterOverlap.Combination> ordered = new TreeMap<>(COMBINATION_ORDER);
        bySectors.forEach((sectors, persons) -> {
            List<Boolean> on = lists.stream().map(sectors::contains).toList();
            ordered.put(key(on), new EncounterOverlap.Combination(on, persons));
        });
        var overlap = new EncounterOverlap(from, to, lists, new ArrayList<>(ordered.values()));
        audit.record(
                AuditAction.READ,
                RECORD_TYPE,
                from + "-" + to,
                "lists=" + lists.size() + " combinations=" + ordered.size() + " persons=" + overlap.persons());
        return overlap;
    }

    /** Single lists first, then pairs and so on; within a size, the first list's combinations first. */
    private static final Comparator<String> COMBINATION_ORDER = Comparator.<String>comparingLong(
                    key -> key.chars().filter(c -> c == '1').count())
            .thenComparing(Comparator.reverseOrder());

    private static String key(List<Boolean> on) {
        StringBuilder key = new StringBuilder(on.size());
        on.forEach(present -> key.append(present ? '1' : '0'));
        return key.toString();
    }

    /** A Postgres array literal of ids (UUIDs need no quoting). */
    private static String array(List<UUID> ids) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            text.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return text.append('}').toString();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(value -> value instanceof UUID uuid ? uuid : UUID.fromString(value.toString()))
                .toList();
    }

    private record OrganisationSet(List<UUID> organisations, long persons) {}
}
