package org.opennrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.BudgetLine;
import org.opennrm.monitoring.plan.IndicatorOrigin;
import org.opennrm.monitoring.plan.MeasureStatus;
import org.opennrm.monitoring.plan.Pillar;
import org.opennrm.monitoring.plan.PlanIndicators;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo installation brings a living action plan: all four pillars, reports with evidence, an overdue measure, indicators. */
@PlatformTest
class DemoActionPlanTests {

    @Autowired
    ActionPlans plans;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    PlanIndicators indicators;

    @Autowired
    org.opennrm.monitoring.plan.body.CoordinatingBody body;

    @Test
    void theDemoBodyHasRepresentedMembersMinutesAndOpenActionItems() {
        var office = registry.findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        SignedIn.run(Role.COORDINATOR, office, () -> {
            // other tests seat and remove organisations in the same database: only the office's seat is the demo's
            assertThat(body.members()).anySatisfy(member -> {
                assertThat(member.organisationId()).isEqualTo(office);
                assertThat(member.role()).isEqualTo(org.opennrm.monitoring.plan.body.BodyRole.CHAIR);
                assertThat(member.representative().named()).isTrue();
            });
            assertThat(body.meetings()).anyMatch(meeting -> meeting.minuted() && meeting.version() >= 1);
            var today = body.today();
            // the demo's items are the ones due around today (tests add theirs in other years)
            assertThat(body.dueAndOverdue())
                    .filteredOn(item -> !item.dueOn().isBefore(today.minusDays(10)))
                    .anyMatch(item -> item.overdue(today))
                    .anyMatch(item -> !item.overdue(today));
        });
    }

    @Test
    void theDemoCoordinatorFindsAPlanWithStatusBudgetAndAnOverdueMeasure() {
        var office = registry.findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        SignedIn.run(Role.COORDINATOR, office, () -> {
            var demo = plans.plans().stream()
                    .filter(plan -> plan.title().startsWith("National Action Plan against Trafficking"))
                    .findFirst()
                    .orElseThrow();
            var overview = plans.overview(demo.id());
            assertThat(overview.objectives())
                    .extracting(objective -> objective.pillar())
                    .containsExactly(Pillar.PREVENTION, Pillar.PROTECTION, Pillar.PROSECUTION, Pillar.PARTNERSHIP);
            assertThat(overview.measuresByObjective().values().stream()
                            .mapToInt(java.util.List::size)
                            .sum())
                    .isEqualTo(4);
            assertThat(overview.budgetByMeasure().values().stream().flatMap(java.util.List::stream))
                    .anyMatch(BudgetLine::overspent);
            assertThat(plans.overdue()).anySatisfy(measure -> {
                assertThat(measure.planId()).isEqualTo(demo.id());
                assertThat(measure.status()).isEqualTo(MeasureStatus.DELAYED);
            });
            var inspections =
                    overview.measuresOf(overview.objectives().getFirst()).getFirst();
            var record = plans.measure(inspections.id());
            assertThat(record.measure().status()).isEqualTo(MeasureStatus.ON_TRACK);
            assertThat(record.history().getFirst().changedBy()).isEqualTo("inspector");
            assertThat(indicators.of(demo.id()))
                    .extracting(indicator -> indicator.indicator().origin())
                    .containsExactly(IndicatorOrigin.COMPUTED, IndicatorOrigin.REPORTED);
        });
    }
}
