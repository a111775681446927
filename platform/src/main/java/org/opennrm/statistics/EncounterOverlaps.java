package org.opennrm.statistics;

import java.sql.Array;
import java.sql.SQLException;
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
import org.opennrm.cases.events.CaseOpened;
import org.opennrm.cases.events.IdentificationDecided;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.opennrm.referrals.events.ServiceReferralAccepted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which kinds of organisation encountered the persons referred into the NRM, as counts per combination of sectors:
 * the platform's own lists for multiple systems estimation. For statisticians and co-ordinators
 * ({@code statistics:read:all}); the answer is aggregate and every request is written to the audit trail.
 *
 * <p>The rule: a person referred in the period (a case whose referral falls in it) is on the list of a sector when an
 * organisation of that sector referred them, took an identification decision (preliminary, formal or a
 * reconsideration) on any of their cases, or accepted a referral of that case to its services. Persons are counted
 * by the person record, so a person with two cases is counted once; a person referred twice as two persons, whose
 * duplicate was never resolved, is counted twice.
 *
 * <p>Who met whom is learnt from events ({@code CaseOpened}, {@code IdentificationDecided},
 * {@code ServiceReferralAccepted}) into two tables of opaque ids that only this class reads; the cases and referrals
 * modules' tables are never read. An organisation that accepted a referral has met the person even if the referral
 * is withdrawn later.
 */
@Service
class EncounterOverlaps {

    static final String RECORD_TYPE = "encounter-overlap";

    private final JdbcClient jdbc;
    private final OrganisationRegistry organisations;
    private final AuditTrail audit;

    EncounterOverlaps(JdbcClient jdbc, OrganisationRegistry organisations, AuditTrail audit) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        jdbc.sql("""
                        insert into statistics.encounter_case (case_id, person_id, referred_year)
                        values (:caseId, :personId, :year) on conflict do nothing""")
                .param("caseId", opened.caseId().value())
                .param("personId", opened.personId())
                .param("year", opened.referredIn().getYear())
                .update();
        met(opened.caseId().value(), opened.referringOrganisationId());
    }

    @ApplicationModuleListener
    void on(IdentificationDecided decided) {
        met(decided.caseId().value(), decided.organisationId());
    }

    @ApplicationModuleListener
    void on(ServiceReferralAccepted accepted) {
        met(accepted.caseId().value(), accepted.receiverOrganisationId());
    }

    private void met(UUID caseId, UUID organisationId) {
        if (organisationId == null) {
            return;
        }
        jdbc.sql("""
                        insert into statistics.encounter (case_id, organisation_id)
                        values (:caseId, :organisationId) on conflict do nothing""")
                .param("caseId", caseId)
                .param("organisationId", organisationId)
                .update();
    }

    /** Persons referred from the first day of {@code from} to the last day of {@code to}, by sectors met. */
    @Transactional
    @PreAuthorize("hasAuthority('statistics:read:all')")
    EncounterOverlap encounterOverlap(Year from, Year to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new RuleViolation(
                    "statistics.estimates.refused.casesPeriod",
                    "Give a period whose first year is not after its last year.");
        }
        // one row per distinct set of organisations that met a person, with how many persons it met: no person leaves
        // the database
        List<OrganisationSet> sets = jdbc.sql("""
                        select organisations, count(*) as persons from (
                            select c.person_id,
                                array_agg(distinct e.organisation_id order by e.organisation_id) as organisations
                            from statistics.encounter_case c
                            join statistics.encounter e on e.case_id = c.case_id
                            where c.referred_year between :first and :last
                            group by c.person_id
                        ) persons
                        group by organisations
                        """)
                .param("first", from.getValue())
                .param("last", to.getValue())
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

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(value -> value instanceof UUID uuid ? uuid : UUID.fromString(value.toString()))
                .toList();
    }

    private record OrganisationSet(List<UUID> organisations, long persons) {}
}
