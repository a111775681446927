package org.opennrm.monitoring.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.statistics.publishing.IndicatorDisclosure;
import org.opennrm.statistics.publishing.PlanIndicatorCounts;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Indicators: a computed value equals the count of the facts for the same months by the same rule (facts written
 * here in a year no other test uses, counted by hand); a reported value comes from the measure's lead organisation;
 * every value keeps its source; an indicator without a baseline is refused.
 */
@PlatformTest
@DatabaseOfItsOwn
class PlanIndicatorsTests {

    /** The year of the facts, which each test writes afresh in this class's own database. */
    static final int YEAR = 2025;

    @Autowired
    PlanIndicators indicators;

    @Autowired
    ActionPlans plans;

    @Autowired
    PlanIndicatorCounts counts;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    UUID office;
    UUID inspectorate;
    UUID shelter;

    @BeforeEach
    void facts() {
        office = PlanFixtures.organisation(registry, "National Co-ordinator's Office");
        inspectorate = PlanFixtures.organisation(registry, "State Labour Inspectorate");
        shelter = PlanFixtures.organisation(registry, "Safe Harbour Shelter");
        jdbc.sql("truncate statistics.fact").update();
        // inside March to June: 3 referrals by labour inspectors, 2 by the police; 2 presumed victims after 4 and
        // 10 days, 1 not presumed after 7, 1 identified; outside (January, July): one of each kind
        referral(3, "LABOUR_INSPECTORATE");
        referral(4, "LABOUR_INSPECTORATE");
        referral(6, "LABOUR_INSPECTORATE");
        referral(5, "POLICE");
        referral(5, "POLICE");
        decision(3, "PRESUMED_VICTIM", 4);
        decision(4, "PRESUMED_VICTIM", 10);
        decision(6, "NOT_PRESUMED", 7);
        decision(6, "IDENTIFIED", 90);
        referral(1, "LABOUR_INSPECTORATE");
        referral(7, "LABOUR_INSPECTORATE");
        decision(1, "PRESUMED_VICTIM", 100);
        decision(7, "IDENTIFIED", 120);
    }

    @Test
    void computedValuesEqualTheFactsCountedByTheSameRuleForTheSameMonths() {
        YearMonth from = YearMonth.of(YEAR, 3);
        YearMonth to = YearMonth.of(YEAR, 6);
        assertThat(counts.count(Rule.REFERRALS_FROM_LABOUR_INSPECTORS, from, to).value())
                .isEqualByComparingTo("3")
                .isEqualByComparingTo(byHand("event_kind = 'REFERRAL' and referring_sector = 'LABOUR_INSPECTORATE'"));
        assertThat(counts.count(Rule.REFERRALS, from, to).value())
                .isEqualByComparingTo("5")
                .isEqualByComparingTo(byHand("event_kind = 'REFERRAL'"));
        assertThat(counts.count(Rule.PRESUMED_VICTIMS, from, to).value())
                .isEqualByComparingTo("2")
                .isEqualByComparingTo(
                        byHand("event_kind = 'IDENTIFICATION_DECISION' and decision_outcome = 'PRESUMED_VICTIM'"));
        assertThat(counts.count(Rule.IDENTIFIED_VICTIMS, from, to).value()).isEqualByComparingTo("1");
        // the preliminary decisions in the months took 4, 7 and 10 days
        assertThat(counts.count(Rule.MEDIAN_DAYS_TO_PRELIMINARY_DECISION, from, to)
                        .value())
                .isEqualByComparingTo("7.0");
        assertThat(counts.count(
                                Rule.MEDIAN_DAYS_TO_PRELIMINARY_DECISION,
                                YearMonth.of(YEAR, 10),
                                YearMonth.of(YEAR, 12))
                        .value())
                .isNull();

        // through a plan's indicator: the same figure, kept with its rule and months
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var value = SignedIn.as(Role.COORDINATOR, office, () -> {
            var indicator = indicators.define(
                    measure.planId(),
                    new IndicatorDetails(
                            measure.id(),
                            "Referrals by labour inspectors",
                            IndicatorOrigin.COMPUTED,
                            Rule.REFERRALS_FROM_LABOUR_INSPECTORS,
                            new BigDecimal("12"),
                            2025,
                            new BigDecimal("40"),
                            2028));
            indicators.compute(indicator.id(), from, to);
            return indicators.indicator(indicator.id()).latest().orElseThrow();
        });
        assertThat(value.value()).isEqualByComparingTo("3");
        assertThat(value.origin()).isEqualTo(IndicatorOrigin.COMPUTED);
        assertThat(value.rule()).isEqualTo(Rule.REFERRALS_FROM_LABOUR_INSPECTORS);
        assertThat(value.firstMonth()).isEqualTo(from);
        assertThat(value.lastMonth()).isEqualTo(to);
        assertThat(value.recordedBy()).isEqualTo("test-coordinator");
    }

    @Test
    void aSmallComputedCountIsNotShownToAPlanReaderOutsideTheStatisticsOffice() {
        YearMonth from = YearMonth.of(YEAR, 3);
        YearMonth to = YearMonth.of(YEAR, 6);
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var indicator = SignedIn.as(Role.COORDINATOR, office, () -> {
            var defined = indicators.define(
                    measure.planId(),
                    new IndicatorDetails(
                            measure.id(),
                            "Presumed victims",
                            IndicatorOrigin.COMPUTED,
                            Rule.PRESUMED_VICTIMS,
                            BigDecimal.ONE,
                            2025,
                            BigDecimal.TEN,
                            2028));
            indicators.compute(defined.id(), from, to);
            return defined;
        });
        // two presumed victims in March to June: the co-ordinator and the statistics office see 2 ...
        var coordinators = SignedIn.as(Role.COORDINATOR, office, () -> indicators.indicator(indicator.id()));
        assertThat(coordinators.latest().orElseThrow().value()).isEqualByComparingTo("2");
        assertThat(coordinators.latest().orElseThrow().shown()).isEqualTo(IndicatorDisclosure.Shown.EXACT);
        var rapporteurs = SignedIn.as(Role.STATISTICIAN, office, () -> indicators.indicator(indicator.id()));
        assertThat(rapporteurs.latest().orElseThrow().value()).isEqualByComparingTo("2");
        // ... the lead organisation's staff (a plan reader) see "fewer than 10", not the count, on the indicator and
        // in the plan's list
        var leads = SignedIn.as(Role.REFERRER, inspectorate, () -> indicators.indicator(indicator.id()));
        var shown = leads.latest().orElseThrow();
        assertThat(shown.value()).isNull();
        assertThat(shown.facts()).isNull();
        assertThat(shown.shown()).isEqualTo(IndicatorDisclosure.Shown.FEWER_THAN);
        assertThat(shown.fewerThan()).isEqualTo(10);
        var listed = SignedIn.as(Role.REFERRER, inspectorate, () -> indicators.of(measure.planId()));
        assertThat(listed.getFirst().latest().orElseThrow().value()).isNull();
        assertThat(listed.getFirst().latest().orElseThrow().shown()).isEqualTo(IndicatorDisclosure.Shown.FEWER_THAN);
    }

    @Test
    void theLeadOrganisationReportsAReportedIndicatorAndOthersMayNot() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var indicator = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> indicators.define(
                        measure.planId(),
                        new IndicatorDetails(
                                measure.id(),
                                "Inspectors trained",
                                IndicatorOrigin.REPORTED,
                                null,
                                BigDecimal.ZERO,
                                2025,
                                new BigDecimal("80"),
                                2027)));
        SignedIn.run(
                Role.REFERRER,
                inspectorate,
                () -> indicators.report(
                        indicator.id(),
                        YearMonth.of(2026, 1),
                        YearMonth.of(2026, 3),
                        new BigDecimal("40"),
                        "Training log"));
        SignedIn.run(Role.SERVICE_PROVIDER, shelter, () -> assertThatThrownBy(() -> indicators.report(
                        indicator.id(), YearMonth.of(2026, 1), YearMonth.of(2026, 3), BigDecimal.ONE, null))
                .isInstanceOf(NotLeadOrganisation.class));
        SignedIn.run(Role.COORDINATOR, office, () -> assertThatThrownBy(
                        () -> indicators.compute(indicator.id(), YearMonth.of(2026, 1), YearMonth.of(2026, 3)))
                .isInstanceOf(org.opennrm.RuleViolation.class));
        var value = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> indicators.indicator(indicator.id()).latest().orElseThrow());
        assertThat(value.value()).isEqualByComparingTo("40");
        assertThat(value.organisationId()).isEqualTo(inspectorate);
        assertThat(value.note()).isEqualTo("Training log");
        assertThat(value.recordedBy()).isEqualTo("test-referrer");
    }

    @Test
    void anIndicatorWithoutABaselineOrWithTheMonthsOutOfOrderIsRefused() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        SignedIn.run(Role.COORDINATOR, office, () -> {
            assertThatThrownBy(() -> indicators.define(
                            measure.planId(),
                            new IndicatorDetails(
                                    null,
                                    "Referrals",
                                    IndicatorOrigin.COMPUTED,
                                    Rule.REFERRALS,
                                    null,
                                    null,
                                    BigDecimal.TEN,
                                    2028)))
                    .isInstanceOf(BaselineMissing.class);
            var indicator = indicators.define(
                    measure.planId(),
                    new IndicatorDetails(
                            null,
                            "Referrals",
                            IndicatorOrigin.COMPUTED,
                            Rule.REFERRALS,
                            BigDecimal.ONE,
                            2025,
                            BigDecimal.TEN,
                            2028));
            assertThatThrownBy(() -> indicators.compute(indicator.id(), YearMonth.of(YEAR, 6), YearMonth.of(YEAR, 3)))
                    .isInstanceOf(DatesOutOfOrder.class);
        });
    }

    private BigDecimal byHand(String condition) {
        return jdbc.sql("select count(*) from statistics.fact where " + condition
                        + " and period_year = :year and period_month between 3 and 6")
                .param("year", YEAR)
                .query(BigDecimal.class)
                .single();
    }

    private void referral(int month, String sector) {
        jdbc.sql("""
                        insert into statistics.fact (event_kind, period_year, period_quarter, period_month, referring_sector)
                        values ('REFERRAL', :year, :quarter, :month, :sector)""")
                .param("year", YEAR)
                .param("quarter", (month + 2) / 3)
                .param("month", month)
                .param("sector", sector)
                .update();
    }

    private void decision(int month, String outcome, int days) {
        jdbc.sql("""
                        insert into statistics.fact (event_kind, period_year, period_quarter, period_month,
                            decision_outcome, days_to_decision)
                        values ('IDENTIFICATION_DECISION', :year, :quarter, :month, :outcome, :days)""")
                .param("year", YEAR)
                .param("quarter", (month + 2) / 3)
                .param("month", month)
                .param("outcome", outcome)
                .param("days", days)
                .update();
    }
}
