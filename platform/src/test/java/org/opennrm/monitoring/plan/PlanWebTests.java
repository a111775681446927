package org.opennrm.monitoring.plan;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plan pages with the whole platform: what a rapporteur may read and do, and indicators computed from the facts of
 * the statistics (a small count shown to a lead organisation as fewer than the minimum). The pages' own answers (field
 * messages for bad input, a stale report shown as a conflict with the input kept) are {@code PlanPagesSliceTests}.
 */
@PlatformTest
@DatabaseOfItsOwn
class PlanWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    ActionPlans plans;

    @Autowired
    PlanIndicators indicators;

    @Autowired
    JdbcClient jdbc;

    UUID office;
    UUID inspectorate;

    @BeforeEach
    void organisations() {
        office = PlanFixtures.organisation(registry, "National Co-ordinator's Office");
        inspectorate = PlanFixtures.organisation(registry, "State Labour Inspectorate");
    }

    @Test
    void theRapporteurReadsAMeasureWithoutForms() throws Exception {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var rapporteur = PlanFixtures.organisation(registry, "Office of the National Rapporteur");
        mvc.perform(get("/plans/measures/" + measure.id()).with(as(Role.STATISTICIAN, rapporteur)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(measure.title())))
                .andExpect(content().string(not(containsString("id=\"status-form\""))));
        mvc.perform(get("/plans/" + measure.planId()).with(as(Role.STATISTICIAN, rapporteur)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"objective-form\""))));
    }

    @Test
    void anIndicatorWithoutABaselineIsShownAtItsFieldAndAComputedValueShowsItsSource() throws Exception {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        mvc.perform(post("/plans/" + measure.planId() + "/indicators")
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf())
                        .param("name", "Referrals by labour inspectors")
                        .param("origin", "COMPUTED")
                        .param("rule", "REFERRALS_FROM_LABOUR_INSPECTORS")
                        .param("target", "40")
                        .param("targetYear", "2028"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"baseline-error\"")))
                .andExpect(content().string(containsString("Give the baseline and its year")));
        var location = mvc.perform(post("/plans/" + measure.planId() + "/indicators")
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf())
                        .param("name", "Referrals by labour inspectors")
                        .param("origin", "COMPUTED")
                        .param("rule", "REFERRALS_FROM_LABOUR_INSPECTORS")
                        .param("baseline", "12")
                        .param("baselineYear", "2025")
                        .param("target", "40")
                        .param("targetYear", "2028"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(post(location + "/values")
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf())
                        .param("firstMonth", "2026-01")
                        .param("lastMonth", "2026-12"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Counted from the platform&#39;s facts by the rule")))
                .andExpect(content().string(containsString("2026-01 to 2026-12")))
                .andExpect(content().string(not(containsString("id=\"value-form\""))));
        mvc.perform(get("/plans/" + measure.planId()).with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("12.00 in 2025")));
    }

    @Test
    void theIndicatorPageShowsASmallCountToALeadOrganisationAsFewerThanTheMinimum() throws Exception {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var indicator = SignedIn.as(Role.COORDINATOR, office, () -> {
            var defined = indicators.define(
                    measure.planId(),
                    new IndicatorDetails(
                            measure.id(),
                            "Identified victims",
                            IndicatorOrigin.COMPUTED,
                            Rule.IDENTIFIED_VICTIMS,
                            BigDecimal.ONE,
                            2025,
                            BigDecimal.TEN,
                            2028));
            return defined;
        });
        jdbc.sql("truncate statistics.fact").update();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                            insert into statistics.fact (event_kind, period_year, period_quarter, period_month,
                                decision_outcome)
                            values ('IDENTIFICATION_DECISION', 2025, 1, 2, 'IDENTIFIED')""").update();
        }
        SignedIn.run(
                Role.COORDINATOR,
                office,
                () -> indicators.compute(indicator.id(), YearMonth.of(2025, 2), YearMonth.of(2025, 2)));
        mvc.perform(get("/plans/indicators/" + indicator.id()).with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>fewer than 10</td>")))
                .andExpect(content().string(containsString("id=\"disclosure-hint\"")));
        mvc.perform(get("/plans/indicators/" + indicator.id()).with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>3.00</td>")))
                .andExpect(content().string(not(containsString("fewer than 10"))));
    }
}
