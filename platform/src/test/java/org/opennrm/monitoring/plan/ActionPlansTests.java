package org.opennrm.monitoring.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The action plan's rules through its facade: dates in order, a lead for every measure, evidence where the plan
 * requires it, a dated history, stale versions refused with nothing written, spending by the lead organisation
 * only, spending above the allocation kept and flagged, totals by objective and organisation, every change audited.
 */
@PlatformTest
class ActionPlansTests {

    @Autowired
    ActionPlans plans;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    UUID office;
    UUID inspectorate;
    UUID shelter;

    @BeforeEach
    void organisations() {
        office = PlanFixtures.organisation(registry, "National Co-ordinator's Office");
        inspectorate = PlanFixtures.organisation(registry, "State Labour Inspectorate");
        shelter = PlanFixtures.organisation(registry, "Safe Harbour Shelter");
    }

    @Test
    void aPlanThatEndsBeforeItStartsIsRefusedNamingTheLastDay() {
        assertThatThrownBy(() -> SignedIn.as(
                        Role.COORDINATOR,
                        office,
                        () -> plans.create(new PlanDetails(
                                "Backwards plan", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31), true))))
                .isInstanceOfSatisfying(
                        DatesOutOfOrder.class, e -> assertThat(e.field()).isEqualTo("endsOn"));
    }

    @Test
    void aMeasureWithoutALeadOrDueBeforeItStartsIsRefused() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        SignedIn.run(Role.COORDINATOR, office, () -> {
            assertThatThrownBy(() -> plans.addMeasure(
                            measure.planId(),
                            new MeasureDetails(
                                    measure.objectiveId(),
                                    "Nobody's measure",
                                    null,
                                    List.of(),
                                    LocalDate.of(2026, 1, 1),
                                    LocalDate.of(2026, 2, 1))))
                    .isInstanceOf(LeadMissing.class);
            assertThatThrownBy(() -> plans.addMeasure(
                            measure.planId(),
                            new MeasureDetails(
                                    measure.objectiveId(),
                                    "Backwards measure",
                                    shelter,
                                    List.of(),
                                    LocalDate.of(2026, 5, 1),
                                    LocalDate.of(2026, 4, 30))))
                    .isInstanceOfSatisfying(
                            DatesOutOfOrder.class, e -> assertThat(e.field()).isEqualTo("dueOn"));
        });
    }

    @Test
    void aStatusChangeWithoutEvidenceIsRefusedWhereThePlanRequiresIt() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        SignedIn.run(Role.REFERRER, inspectorate, () -> {
            assertThatThrownBy(() -> plans.report(
                            measure.id(), new StatusUpdate(MeasureStatus.ON_TRACK, "  ", measure.version())))
                    .isInstanceOf(EvidenceRequired.class);
            assertThat(plans.measure(measure.id()).history()).isEmpty();
            assertThat(plans.measure(measure.id()).measure().status()).isEqualTo(MeasureStatus.NOT_STARTED);
        });
    }

    @Test
    void aStatusChangeWithoutEvidenceIsAcceptedWhereThePlanDoesNotRequireItButARepeatNeedsEvidence() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, false);
        SignedIn.run(Role.REFERRER, inspectorate, () -> {
            var changed = plans.report(measure.id(), new StatusUpdate(MeasureStatus.ON_TRACK, null, measure.version()));
            assertThat(changed.status()).isEqualTo(MeasureStatus.ON_TRACK);
            assertThatThrownBy(() -> plans.report(
                            measure.id(), new StatusUpdate(MeasureStatus.ON_TRACK, null, changed.version())))
                    .isInstanceOf(EvidenceRequired.class);
        });
    }

    @Test
    void theLeadOrganisationReportsAStatusWithEvidenceIntoADatedHistory() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var record = SignedIn.as(Role.REFERRER, inspectorate, () -> {
            var changed = plans.report(
                    measure.id(),
                    new StatusUpdate(MeasureStatus.ON_TRACK, "40 inspectors trained in March", measure.version()));
            plans.report(
                    measure.id(),
                    new StatusUpdate(MeasureStatus.DELAYED, "Second session moved to June", changed.version()));
            return plans.measure(measure.id());
        });
        assertThat(record.measure().status()).isEqualTo(MeasureStatus.DELAYED);
        assertThat(record.history())
                .extracting(StatusChange::from, StatusChange::to, StatusChange::evidence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                MeasureStatus.ON_TRACK, MeasureStatus.DELAYED, "Second session moved to June"),
                        org.assertj.core.groups.Tuple.tuple(
                                MeasureStatus.NOT_STARTED, MeasureStatus.ON_TRACK, "40 inspectors trained in March"));
        assertThat(record.history())
                .allSatisfy(change -> assertThat(change.changedAt()).isNotNull());
        assertThat(audited(measure.id())).isGreaterThanOrEqualTo(3); // created, two reports
    }

    @Test
    void aStaleReportIsRefusedAndNothingOfItIsWritten() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        SignedIn.run(Role.REFERRER, inspectorate, () -> {
            plans.report(measure.id(), new StatusUpdate(MeasureStatus.ON_TRACK, "First report", measure.version()));
            assertThatThrownBy(() -> plans.report(
                            measure.id(),
                            new StatusUpdate(MeasureStatus.DONE, "Made on the old version", measure.version())))
                    .isInstanceOf(OptimisticLockingFailureException.class);
            var record = plans.measure(measure.id());
            assertThat(record.measure().status()).isEqualTo(MeasureStatus.ON_TRACK);
            assertThat(record.history()).extracting(StatusChange::evidence).containsExactly("First report");
        });
    }

    @Test
    void anotherOrganisationNeitherReportsNorSpendsOnAMeasureItDoesNotLead() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        SignedIn.run(Role.SERVICE_PROVIDER, shelter, () -> {
            assertThatThrownBy(() -> plans.report(
                            measure.id(), new StatusUpdate(MeasureStatus.DONE, "Not ours", measure.version())))
                    .isInstanceOf(NotLeadOrganisation.class);
            assertThatThrownBy(() -> plans.budget(
                            measure.id(),
                            new BudgetEntry(2026, FundingSource.DONORS, null, null, BigDecimal.TEN, measure.version())))
                    .isInstanceOf(NotLeadOrganisation.class);
        });
        // the rapporteur reads and never changes
        var rapporteur = PlanFixtures.organisation(registry, "Office of the National Rapporteur");
        SignedIn.run(Role.STATISTICIAN, rapporteur, () -> {
            assertThat(plans.measure(measure.id()).measure().id()).isEqualTo(measure.id());
            assertThatThrownBy(() -> plans.report(
                            measure.id(), new StatusUpdate(MeasureStatus.DONE, "Read only", measure.version())))
                    .isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void theLeadOrganisationReportsSpendingOnlyAndSpendingAboveTheAllocationIsKeptAndFlagged() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var planned = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> plans.budget(
                        measure.id(),
                        new BudgetEntry(
                                2026,
                                FundingSource.STATE_BUDGET,
                                new BigDecimal("12000.00"),
                                new BigDecimal("10000.00"),
                                null,
                                measure.version())));
        assertThat(planned.overspent()).isFalse();
        int version = version(measure.id());
        var spent = SignedIn.as(
                Role.REFERRER,
                inspectorate,
                () -> plans.budget(
                        measure.id(),
                        new BudgetEntry(
                                2026,
                                FundingSource.STATE_BUDGET,
                                new BigDecimal("999999"),
                                new BigDecimal("999999"),
                                new BigDecimal("10500.50"),
                                version)));
        // planned and allocated are the co-ordinator's: the lead organisation's values for them are ignored
        assertThat(spent.planned()).isEqualByComparingTo("12000.00");
        assertThat(spent.allocated()).isEqualByComparingTo("10000.00");
        assertThat(spent.spent()).isEqualByComparingTo("10500.50");
        assertThat(spent.overspent()).isTrue();
        assertThat(jdbc.sql("select detail from access.audit_entry where record_id = :id order by id desc limit 1")
                        .param("id", measure.id().toString())
                        .query(String.class)
                        .single())
                .isEqualTo("budget 2026 STATE_BUDGET overspent");
    }

    @Test
    void totalsAddUpByObjectiveAndByLeadOrganisation() {
        var first = PlanFixtures.planWithMeasure(plans, office, inspectorate, false);
        var overview = SignedIn.as(Role.COORDINATOR, office, () -> {
            var protection = plans.addObjective(first.planId(), Pillar.PROTECTION, "Every victim assisted");
            var second = plans.addMeasure(
                    first.planId(),
                    new MeasureDetails(
                            protection.id(),
                            "Open ten shelter places",
                            shelter,
                            List.of(inspectorate),
                            LocalDate.of(2026, 1, 1),
                            LocalDate.of(2027, 6, 30)));
            plans.budget(
                    first.id(),
                    new BudgetEntry(
                            2026,
                            FundingSource.STATE_BUDGET,
                            new BigDecimal("100"),
                            new BigDecimal("80"),
                            new BigDecimal("50"),
                            0));
            plans.budget(
                    first.id(),
                    new BudgetEntry(
                            2027,
                            FundingSource.DONORS,
                            new BigDecimal("20"),
                            new BigDecimal("20"),
                            BigDecimal.ZERO,
                            1));
            plans.budget(
                    second.id(),
                    new BudgetEntry(
                            2026,
                            FundingSource.DONORS,
                            new BigDecimal("300"),
                            new BigDecimal("250"),
                            new BigDecimal("260"),
                            0));
            return plans.overview(first.planId());
        });
        assertThat(overview.objectives())
                .extracting(Objective::pillar)
                .containsExactly(Pillar.PREVENTION, Pillar.PROTECTION);
        var prevention = overview.objectives().get(0);
        var protection = overview.objectives().get(1);
        assertThat(overview.totalOf(prevention)).isEqualTo(total("120", "100", "50"));
        assertThat(overview.totalOf(protection)).isEqualTo(total("300", "250", "260"));
        assertThat(overview.totalOf(protection).overspent()).isTrue();
        assertThat(overview.totalsByOrganisation().get(inspectorate)).isEqualTo(total("120", "100", "50"));
        assertThat(overview.totalsByOrganisation().get(shelter)).isEqualTo(total("300", "250", "260"));
        assertThat(overview.total()).isEqualTo(total("420", "350", "310"));
    }

    @Test
    void aYearOutsideThePlanOrANegativeAmountIsRefused() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, false);
        SignedIn.run(Role.COORDINATOR, office, () -> {
            assertThatThrownBy(() -> plans.budget(
                            measure.id(),
                            new BudgetEntry(2031, FundingSource.OTHER, BigDecimal.ONE, null, null, measure.version())))
                    .isInstanceOf(org.opennrm.RuleViolation.class)
                    .hasMessageContaining("2026 to 2028");
            assertThatThrownBy(() -> plans.budget(
                            measure.id(),
                            new BudgetEntry(
                                    2026, FundingSource.OTHER, new BigDecimal("-1"), null, null, measure.version())))
                    .isInstanceOf(org.opennrm.RuleViolation.class);
        });
    }

    private static BudgetTotal total(String planned, String allocated, String spent) {
        return new BudgetTotal(
                new BigDecimal(planned).setScale(2),
                new BigDecimal(allocated).setScale(2),
                new BigDecimal(spent).setScale(2));
    }

    private int version(UUID measureId) {
        return jdbc.sql("select version from monitoring.plan_measure where id = :id")
                .param("id", measureId)
                .query(Integer.class)
                .single();
    }

    private int audited(UUID recordId) {
        return jdbc.sql("select count(*) from access.audit_entry where record_id = :id")
                .param("id", recordId.toString())
                .query(Integer.class)
                .single();
    }

    @Test
    void theLeadOrganisationAddsActivitiesWithinTheMeasuresPeriodAndTicksThemOff() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var activity = SignedIn.as(Role.REFERRER, inspectorate, () -> {
            assertThatThrownBy(() -> plans.addActivity(
                            measure.id(), "Too late", measure.dueOn().plusDays(1)))
                    .isInstanceOf(DatesOutOfOrder.class);
            var added = plans.addActivity(measure.id(), "Hold the first training session", measure.startsOn());
            plans.activityDone(added.id());
            return added;
        });
        SignedIn.run(Role.SERVICE_PROVIDER, shelter, () -> assertThatThrownBy(
                        () -> plans.addActivity(measure.id(), "Not ours", measure.startsOn()))
                .isInstanceOf(NotLeadOrganisation.class));
        var activities = SignedIn.as(
                Role.COORDINATOR, office, () -> plans.measure(measure.id()).activities());
        assertThat(activities).extracting(Activity::id).containsExactly(activity.id());
        assertThat(activities.getFirst().done()).isTrue();
        assertThat(activities.getFirst().doneOn()).isEqualTo(plans.today());
    }
}
