package org.opennrm.monitoring.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The plan pages with the whole platform: what a rapporteur may read and do, and indicators computed from the facts of
 * the statistics (a small count shown to a lead organisation as fewer than the minimum), and the plan's refusals in the
 * reader's language (at the field they name, else as the form's message). The pages' own answers (field messages for
 * bad input, a stale report shown as a conflict with the input kept) are {@code PlanPagesSliceTests}.
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

    @Test
    void thePlansRefusalsAreShownInTheReadersLanguage() throws Exception {
        refusalsShownIn(
                "fr",
                "Une activité de la mesure est due avant le nouveau début.",
                "Choisissez les organisations dans le registre.",
                "Une mesure relève d'un objectif de son propre plan.",
                "Un indicateur relève d'une mesure de son propre plan.");
    }

    @Test
    void thePlansRefusalsAreShownInEnglishWithoutALanguageAsked() throws Exception {
        refusalsShownIn(
                null,
                "An activity of the measure is due before the new start.",
                "Choose organisations from the registry.",
                "A measure belongs to an objective of its own plan.",
                "An indicator belongs to a measure of its own plan.");
    }

    /**
     * Four refusals of the plan on its pages, in {@code language} (none asked: English): an activity the new period of
     * a measure leaves out, at the start it names; a lead organisation not in the registry, an objective and a measure
     * of another plan, each as its form's message (never an unrelated field's label).
     */
    private void refusalsShownIn(
            String language, String activityOutside, String unknownLead, String otherObjective, String otherMeasure)
            throws Exception {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var other = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        SignedIn.run(
                Role.COORDINATOR,
                office,
                () -> plans.addActivity(measure.id(), "First training", LocalDate.of(2026, 4, 15)));

        var moved = page(
                post("/plans/measures/" + measure.id() + "/edit")
                        .param("objectiveId", measure.objectiveId().toString())
                        .param("title", measure.title())
                        .param("leadOrganisation", inspectorate.toString())
                        .param("startsOn", "2026-05-01")
                        .param("dueOn", "2026-11-30")
                        .param("version", String.valueOf(measure.version())),
                language);
        assertThat(moved.select("#measure-form p.field-error").eachText()).containsExactly(activityOutside);

        var unknown = page(
                post("/plans/" + measure.planId() + "/measures/new")
                        .param("objectiveId", measure.objectiveId().toString())
                        .param("title", "Train prosecutors")
                        .param("leadOrganisation", UUID.randomUUID().toString())
                        .param("startsOn", "2026-03-01")
                        .param("dueOn", "2026-06-30"),
                language);
        assertThat(unknown.select("#refusal").text()).isEqualTo(unknownLead);
        assertThat(unknown.select("#refusal").attr("lang")).isEmpty();
        assertThat(unknown.select("#measure-form p.field-error")).isEmpty();

        var elsewhere = page(
                post("/plans/" + measure.planId() + "/measures/new")
                        .param("objectiveId", other.objectiveId().toString())
                        .param("title", "Train prosecutors")
                        .param("leadOrganisation", inspectorate.toString())
                        .param("startsOn", "2026-03-01")
                        .param("dueOn", "2026-06-30"),
                language);
        assertThat(elsewhere.select("#refusal").text()).isEqualTo(otherObjective);

        var indicator = page(
                post("/plans/" + measure.planId() + "/indicators")
                        .param("name", "Inspectors trained")
                        .param("origin", "REPORTED")
                        .param("measureId", other.id().toString())
                        .param("baseline", "0")
                        .param("baselineYear", "2025")
                        .param("target", "120")
                        .param("targetYear", "2028"),
                language);
        assertThat(indicator.select("#indicator-refusal").text()).isEqualTo(otherMeasure);
        assertThat(indicator.select("#indicator-refusal").attr("lang")).isEmpty();
    }

    /** The page the co-ordinator gets for a form sent in {@code language} (null: no language asked). */
    private Document page(MockHttpServletRequestBuilder request, String language) throws Exception {
        request.with(as(Role.COORDINATOR, office)).with(csrf());
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
