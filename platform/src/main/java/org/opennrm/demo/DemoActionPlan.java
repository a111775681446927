package org.opennrm.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.opennrm.access.Actor;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.BudgetEntry;
import org.opennrm.monitoring.plan.FundingSource;
import org.opennrm.monitoring.plan.IndicatorDetails;
import org.opennrm.monitoring.plan.IndicatorOrigin;
import org.opennrm.monitoring.plan.MeasureDetails;
import org.opennrm.monitoring.plan.MeasureStatus;
import org.opennrm.monitoring.plan.Pillar;
import org.opennrm.monitoring.plan.PlanDetails;
import org.opennrm.monitoring.plan.PlanIndicators;
import org.opennrm.monitoring.plan.StatusUpdate;
import org.opennrm.monitoring.plan.body.BodyRole;
import org.opennrm.monitoring.plan.body.CoordinatingBody;
import org.opennrm.monitoring.plan.body.Representative;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;
import org.springframework.stereotype.Component;

/**
 * A small national action plan for the demo installation, so that the co-ordinator sees a living plan on the first
 * day: four objectives (one per pillar), measures led by the demo organisations, a budget with one measure spending
 * above its allocation, status reports with evidence (one measure overdue), and two indicators (one counted from the
 * facts, one reported). Everything is invented.
 */
@Component
class DemoActionPlan {

    /** What the demo plan needs: who drafts it, and the organisations that lead its measures. */
    record Parties(
            Actor coordinator,
            Actor inspector,
            UUID office,
            UUID inspectorate,
            UUID shelter,
            UUID police,
            UUID social) {}

    private final ActionPlans plans;
    private final PlanIndicators indicators;
    private final CoordinatingBody body;

    DemoActionPlan(ActionPlans plans, PlanIndicators indicators, CoordinatingBody body) {
        this.plans = plans;
        this.indicators = indicators;
        this.body = body;
    }

    void seed(Parties parties) {
        int year = plans.today().getYear();
        LocalDate start = LocalDate.of(year - 1, 1, 1);
        DemoActors.as(parties.coordinator(), () -> {
            var plan = plans.create(new PlanDetails(
                    "National Action Plan against Trafficking in Human Beings " + (year - 1) + "-" + (year + 1),
                    start,
                    LocalDate.of(year + 1, 12, 31),
                    true));
            var prevention = plans.addObjective(
                    plan.id(), Pillar.PREVENTION, "Fewer workers exploited in agriculture and construction");
            var protection =
                    plans.addObjective(plan.id(), Pillar.PROTECTION, "Every presumed victim assisted within 24 hours");
            var prosecution = plans.addObjective(
                    plan.id(), Pillar.PROSECUTION, "More cases of trafficking investigated and prosecuted");
            var partnership = plans.addObjective(
                    plan.id(), Pillar.PARTNERSHIP, "Partners of the NRM work to one set of procedures");
            var inspections = plans.addMeasure(
                    plan.id(),
                    new MeasureDetails(
                            prevention.id(),
                            "Train labour inspectors in the indicators of forced labour",
                            parties.inspectorate(),
                            List.of(parties.police()),
                            start.plusMonths(2),
                            LocalDate.of(year, 11, 30)));
            var places = plans.addMeasure(
                    plan.id(),
                    new MeasureDetails(
                            protection.id(),
                            "Open ten specialised shelter places for men",
                            parties.shelter(),
                            List.of(parties.social()),
                            start,
                            LocalDate.of(year + 1, 6, 30)));
            var unit = plans.addMeasure(
                    plan.id(),
                    new MeasureDetails(
                            prosecution.id(),
                            "Give the anti-trafficking unit two financial investigators",
                            parties.police(),
                            List.of(),
                            start,
                            plans.today().minusMonths(1)));
            plans.addMeasure(
                    plan.id(),
                    new MeasureDetails(
                            partnership.id(),
                            "Adopt standard operating procedures for the NRM",
                            parties.office(),
                            List.of(parties.inspectorate(), parties.shelter(), parties.police(), parties.social()),
                            start,
                            LocalDate.of(year + 1, 3, 31)));
            money(inspections.id(), year - 1, FundingSource.STATE_BUDGET, "18000", "15000", "14200");
            money(inspections.id(), year, FundingSource.DONORS, "25000", "25000", "0");
            money(places.id(), year - 1, FundingSource.STATE_BUDGET, "120000", "90000", "97500");
            money(places.id(), year, FundingSource.DONORS, "60000", "40000", "12000");
            money(unit.id(), year - 1, FundingSource.STATE_BUDGET, "70000", "70000", "35000");
            var delayed = plans.report(
                    unit.id(),
                    new StatusUpdate(
                            MeasureStatus.DELAYED,
                            "One of two posts filled; the second recruitment round closes next month.",
                            version(unit.id())));
            plans.report(
                    places.id(),
                    new StatusUpdate(
                            MeasureStatus.ON_TRACK,
                            "Six of ten places open since spring; building works for the rest under way.",
                            version(places.id())));
            indicators.define(
                    plan.id(),
                    new IndicatorDetails(
                            inspections.id(),
                            "Referrals into the NRM by labour inspectorates",
                            IndicatorOrigin.COMPUTED,
                            Rule.REFERRALS_FROM_LABOUR_INSPECTORS,
                            new BigDecimal("12"),
                            year - 2,
                            new BigDecimal("40"),
                            year + 1));
            var trained = indicators.define(
                    plan.id(),
                    new IndicatorDetails(
                            inspections.id(),
                            "Labour inspectors trained in the indicators of forced labour",
                            IndicatorOrigin.REPORTED,
                            null,
                            new BigDecimal("5"),
                            year - 2,
                            new BigDecimal("80"),
                            year));
            indicators.report(
                    trained.id(),
                    YearMonth.of(year - 1, 1),
                    YearMonth.of(year - 1, 12),
                    new BigDecimal("30"),
                    "Training log of the inspectorate.");
            return delayed;
        });
        DemoActors.as(
                parties.inspector(),
                () -> plans.report(
                        plans.ledByMyOrganisation().getFirst().id(),
                        new StatusUpdate(
                                MeasureStatus.ON_TRACK,
                                "62 of 80 inspectors trained; attendance sheets kept by the inspectorate's training unit.",
                                version(plans.ledByMyOrganisation().getFirst().id()))));
        seatTheBody(parties);
    }

    /**
     * The co-ordinating body: five organisations with their (invented) representatives, last quarter's meeting with
     * its minutes and three action items (one done, one due within days, one overdue, so that the co-ordinator's home
     * and the inspectorate's notifications show work), and the next meeting with its agenda.
     */
    private void seatTheBody(Parties parties) {
        DemoActors.as(parties.coordinator(), () -> {
            LocalDate today = body.today();
            body.addMember(
                    parties.office(),
                    BodyRole.CHAIR,
                    new Representative("Mara Estrova", "National Co-ordinator", "coordinator@example.org"));
            body.addMember(
                    parties.inspectorate(),
                    BodyRole.MEMBER,
                    new Representative("Lev Holvast", "Head of Inspections", "inspections@example.org"));
            body.addMember(
                    parties.police(),
                    BodyRole.MEMBER,
                    new Representative("Ines Ivardi", "Head of the Anti-Trafficking Unit", null));
            body.addMember(parties.shelter(), BodyRole.MEMBER, new Representative("Tana Quessan", "Director", null));
            body.addMember(parties.social(), BodyRole.OBSERVER, Representative.NONE);
            var last = body.recordMeeting(
                    today.minusMonths(2),
                    "1. The NRM's figures for the last quarter.\n2. Joint inspections in agriculture.\n"
                            + "3. Places in safe accommodation over the summer.");
            body.recordMinutes(
                    last.id(),
                    "Present: all members; the municipal social services as observer.\n"
                            + "The co-ordinator presented the quarter's figures from the approved release.",
                    "The inspectorate and the police plan joint inspections for the harvest season.\n"
                            + "The shelter reports its free places every month.",
                    last.version());
            body.decide(
                    last.id(),
                    "Agree the joint inspection plan for the harvest season",
                    parties.inspectorate(),
                    today.plusDays(7),
                    null);
            body.decide(
                    last.id(),
                    "Name a contact point for the labour inspectors",
                    parties.police(),
                    today.minusDays(10),
                    null);
            var reported = body.decide(
                    last.id(), "Report free places for the summer", parties.shelter(), today.minusDays(30), null);
            body.markDone(reported.id());
            body.recordMeeting(
                    today.plusWeeks(3),
                    "1. The joint inspection plan.\n2. The draft of the yearly report.\n3. Any other business.");
            return null;
        });
    }

    private void money(UUID measureId, int year, FundingSource source, String planned, String allocated, String spent) {
        plans.budget(
                measureId,
                new BudgetEntry(
                        year,
                        source,
                        new BigDecimal(planned),
                        new BigDecimal(allocated),
                        new BigDecimal(spent),
                        version(measureId)));
    }

    private int version(UUID measureId) {
        return plans.measure(measureId).measure().version();
    }
}
