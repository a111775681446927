package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.EventsDelivered;
import org.opennrm.PlatformTest;
import org.opennrm.RuleViolation;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.OpenedCase;
import org.opennrm.cases.SharingScope;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.opennrm.referrals.ServiceReferralRequest;
import org.opennrm.referrals.ServiceReferrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * The platform's own lists for the hidden number: persons by the combination of sectors that referred them or
 * decided on their case or accepted a referral to their services, learnt by statistics from the modules' events.
 * Other tests open cases in the same year, so each test
 * compares the counts before and after its own synthetic cases.
 */
@PlatformTest
class EncounterOverlapTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    EncounterOverlaps encounters;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    ServiceReferrals serviceReferrals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    UUID ngo;
    UUID inspectorate;
    UUID hospital;
    UUID police;

    @BeforeEach
    void organisations() {
        ngo = organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        hospital = organisations.findByName("Central Hospital").orElseThrow().id();
        police = EncounterFixtures.policeIdentificationUnit(organisations);
    }

    Year thisYear() {
        return Year.now(clock);
    }

    Map<Set<Sector>, Long> counts() {
        EventsDelivered.await(jdbc);
        return counts(SignedIn.as(
                Role.STATISTICIAN, UUID.randomUUID(), () -> encounters.encounterOverlap(thisYear(), thisYear())));
    }

    Map<Set<Sector>, Long> counts(EncounterOverlap overlap) {
        Map<Set<Sector>, Long> counts = new HashMap<>();
        for (var combination : overlap.combinations()) {
            EnumSet<Sector> sectors = EnumSet.noneOf(Sector.class);
            for (int i = 0; i < overlap.lists().size(); i++) {
                if (combination.on().get(i)) {
                    sectors.add(overlap.lists().get(i));
                }
            }
            assertThat(counts.put(sectors, combination.count())).isNull();
        }
        return counts;
    }

    OpenedCase referredBy(UUID organisation) {
        return SignedIn.as(Role.REFERRER, organisation, () -> cases.open(CaseFixtures.adultReferral(ngo)));
    }

    void decidedBy(UUID organisation, OpenedCase opened) {
        SignedIn.as(
                Role.IDENTIFICATION_OFFICER,
                organisation,
                () -> cases.decidePreliminary(
                        opened.caseId(),
                        null,
                        new DecisionRequest(
                                DecisionOutcome.PRESUMED_VICTIM, LocalDate.now(clock), "Indicators present", null)));
    }

    static long delta(Map<Set<Sector>, Long> before, Map<Set<Sector>, Long> after, Sector... sectors) {
        Set<Sector> key = EnumSet.copyOf(List.of(sectors));
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }

    @Test
    void aPersonReferredByAnNgoAndDecidedByThePoliceIsInTheNgoAndPoliceCell() {
        var before = counts();

        decidedBy(police, referredBy(ngo));
        decidedBy(police, referredBy(hospital));
        referredBy(inspectorate);
        referredBy(ngo);
        referredBy(ngo);

        var after = counts();
        assertThat(delta(before, after, Sector.NGO, Sector.POLICE)).isEqualTo(1);
        assertThat(delta(before, after, Sector.HEALTH, Sector.POLICE)).isEqualTo(1);
        assertThat(delta(before, after, Sector.LABOUR_INSPECTORATE)).isEqualTo(1);
        assertThat(delta(before, after, Sector.NGO)).isEqualTo(2);
        assertThat(delta(before, after, Sector.POLICE)).isZero();
        long added = after.values().stream().mapToLong(Long::longValue).sum()
                - before.values().stream().mapToLong(Long::longValue).sum();
        assertThat(added).isEqualTo(5);
    }

    @Test
    void anNgoThatAcceptedAServiceReferralMetThePerson() {
        UUID office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        var before = counts();

        var accepted = referredBy(inspectorate);
        var sent = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> serviceReferrals.send(
                        accepted.caseId(),
                        new ServiceReferralRequest(
                                ngo, "Safe accommodation", Set.of(SharingScope.IDENTITY_BASIC), null, null, null)));
        SignedIn.as(Role.SERVICE_PROVIDER, ngo, () -> serviceReferrals.accept(sent.id()));
        var declined = referredBy(inspectorate);
        var refused = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> serviceReferrals.send(
                        declined.caseId(),
                        new ServiceReferralRequest(
                                ngo, "Safe accommodation", Set.of(SharingScope.IDENTITY_BASIC), null, null, null)));
        SignedIn.as(Role.SERVICE_PROVIDER, ngo, () -> serviceReferrals.decline(refused.id(), "No place free"));

        var after = counts();
        assertThat(delta(before, after, Sector.NGO, Sector.LABOUR_INSPECTORATE)).isEqualTo(1);
        assertThat(delta(before, after, Sector.LABOUR_INSPECTORATE)).isEqualTo(1);
    }

    @Test
    void aDecisionByTheSectorThatReferredLeavesThePersonOnOneList() {
        var before = counts();

        decidedBy(police, referredBy(police));

        var after = counts();
        assertThat(delta(before, after, Sector.POLICE)).isEqualTo(1);
    }

    @Test
    void casesReferredOutsideThePeriodAreNotCounted() {
        referredBy(ngo);
        Year next = thisYear().plusYears(1);
        var overlap = SignedIn.as(
                Role.COORDINATOR, UUID.randomUUID(), () -> encounters.encounterOverlap(next, next.plusYears(1)));
        assertThat(overlap.combinations()).isEmpty();
        assertThat(overlap.lists()).isEmpty();
    }

    @Test
    void eachRequestIsAuditedWithCountsOnly() {
        referredBy(ngo);
        EventsDelivered.await(jdbc);
        var overlap = SignedIn.as(
                Role.STATISTICIAN, UUID.randomUUID(), () -> encounters.encounterOverlap(thisYear(), thisYear()));
        String detail = jdbc.sql("select detail from access.audit_entry where record_type = 'encounter-overlap'"
                        + " order by id desc limit 1")
                .query(String.class)
                .single();
        assertThat(detail)
                .isEqualTo("lists=" + overlap.lists().size() + " combinations="
                        + overlap.combinations().size() + " persons=" + overlap.persons());
    }

    @Test
    void onlyHoldersOfStatisticsReadMayAskAndThePeriodMustBeInOrder() {
        for (Role role : List.of(Role.CASE_MANAGER, Role.REFERRER, Role.IDENTIFICATION_OFFICER, Role.ADMINISTRATOR)) {
            assertThatThrownBy(() -> SignedIn.as(role, ngo, () -> encounters.encounterOverlap(thisYear(), thisYear())))
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
        assertThatThrownBy(() -> SignedIn.as(
                        Role.STATISTICIAN,
                        UUID.randomUUID(),
                        () -> encounters.encounterOverlap(thisYear(), thisYear().minusYears(1))))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("first year is not after its last year");
    }
}
