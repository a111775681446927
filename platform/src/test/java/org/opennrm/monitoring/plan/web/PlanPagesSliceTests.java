package org.opennrm.monitoring.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.access.Role;
import org.opennrm.access.WebSliceSecurity;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.BudgetTotal;
import org.opennrm.monitoring.plan.Measure;
import org.opennrm.monitoring.plan.MeasureRecord;
import org.opennrm.monitoring.plan.MeasureStatus;
import org.opennrm.monitoring.plan.Objective;
import org.opennrm.monitoring.plan.Pillar;
import org.opennrm.monitoring.plan.Plan;
import org.opennrm.monitoring.plan.PlanIndicators;
import org.opennrm.monitoring.plan.PlanOverview;
import org.opennrm.monitoring.plan.StatusChange;
import org.opennrm.monitoring.plan.body.CoordinatingBody;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.ui.Navigation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The action plan's pages as a web slice: the controller, the platform's security and the layout run; the plans are
 * a stand-in. The web's own part: a form with dates out of order or a field left out is answered at its fields and
 * never reaches the plan, and a status report on a measure changed meanwhile comes back as a conflict with the
 * evidence typed and the newer report shown. Who may report on which measure is the plan's rule ({@code
 * ActionPlansTests}); indicators computed from the facts and what a rapporteur reads are {@code PlanWebTests}.
 */
@WebMvcTest(
        controllers = PlanController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = WebSliceSecurity.SLICE_EXCLUDED))
@Import({WebSliceSecurity.class, Navigation.class})
@ActiveProfiles("test")
class PlanPagesSliceTests {

    static final UUID OFFICE = UUID.randomUUID();
    static final UUID INSPECTORATE = UUID.randomUUID();
    static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ActionPlans plans;

    @MockitoBean
    PlanIndicators indicators;

    @MockitoBean
    OrganisationRegistry registry;

    @MockitoBean
    CoordinatingBody body;

    Plan plan;
    Objective objective;

    @BeforeEach
    void aPlanWithAnObjective() {
        plan = new Plan(
                UUID.randomUUID(),
                "National action plan 2026-2028",
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2028, 12, 31),
                true,
                0,
                CREATED,
                CREATED);
        objective = new Objective(UUID.randomUUID(), plan.id(), Pillar.PREVENTION, "Fewer people recruited", 1);
        when(plans.today()).thenReturn(LocalDate.of(2026, 3, 10));
    }

    Measure measure(MeasureStatus status, int version) {
        return new Measure(
                UUID.fromString("00000000-0000-0000-0000-00000000000a"),
                plan.id(),
                objective.id(),
                "Train labour inspectors",
                INSPECTORATE,
                List.of(),
                LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 6, 30),
                status,
                version,
                CREATED,
                CREATED);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsShownAtTheLastDay() throws Exception {
        mvc.perform(post("/plans/new")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .with(csrf())
                        .param("title", "Backwards plan")
                        .param("startsOn", "2027-01-01")
                        .param("endsOn", "2026-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"endsOn-error\"")))
                .andExpect(content().string(containsString("The last day cannot come before the first day.")));
        verify(plans, never()).create(any());
    }

    @Test
    void aMeasureDueBeforeItStartsOrWithoutALeadIsShownAtItsFields() throws Exception {
        when(plans.overview(plan.id()))
                .thenReturn(new PlanOverview(
                        plan, List.of(objective), Map.of(), Map.of(), Map.of(), Map.of(), BudgetTotal.NONE));

        mvc.perform(post("/plans/" + plan.id() + "/measures/new")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .with(csrf())
                        .param("objectiveId", objective.id().toString())
                        .param("title", "Backwards measure")
                        .param("startsOn", "2026-05-01")
                        .param("dueOn", "2026-04-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dueOn-error\"")))
                .andExpect(content().string(containsString("id=\"leadOrganisation-error\"")));
        verify(plans, never()).addMeasure(any(), any());
    }

    @Test
    void aStaleStatusReportShowsTheConflictAndKeepsTheEvidenceTyped() throws Exception {
        var reported = measure(MeasureStatus.NOT_STARTED, 0);
        // meanwhile the co-ordinator reported the measure delayed: the plan refuses the report made on version 0
        var meanwhile = new MeasureRecord(
                measure(MeasureStatus.DELAYED, 1),
                plan,
                objective,
                List.of(new StatusChange(
                        reported.id(),
                        CREATED.plusSeconds(3600),
                        "Demo Co-ordinator",
                        MeasureStatus.NOT_STARTED,
                        MeasureStatus.DELAYED,
                        "Trainer fell ill")),
                List.of(),
                List.of());
        when(plans.measure(reported.id()))
                .thenReturn(new MeasureRecord(reported, plan, objective, List.of(), List.of(), List.of()), meanwhile);
        when(plans.mayUpdate(any())).thenReturn(true);
        when(plans.report(eq(reported.id()), any())).thenThrow(new OptimisticLockingFailureException("changed"));

        var page = mvc.perform(post("/plans/measures/" + reported.id() + "/status")
                        .with(as(Role.REFERRER, INSPECTORATE))
                        .with(csrf())
                        .param("status", "ON_TRACK")
                        .param("evidence", "Training held on 3 March")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"conflict\"")))
                .andExpect(content().string(containsString("Training held on 3 March")))
                .andExpect(content().string(containsString("Trainer fell ill")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the report sent again is made on the newer version (the page's other forms carry it as well)
        assertThat(Jsoup.parse(page).select("#status-form input[name=version]").val())
                .isEqualTo("1");
    }
}
