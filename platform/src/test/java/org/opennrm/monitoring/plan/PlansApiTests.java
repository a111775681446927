package org.opennrm.monitoring.plan;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/v1/plans}: the whole flow over HTTP, and every refusal as a problem detail (RFC 9457). */
@PlatformTest
class PlansApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    ActionPlans plans;

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
    void theCoordinatorDraftsAPlanOverHttpAndTheLeadOrganisationReportsOnItsMeasure() throws Exception {
        String plan = json(mvc.perform(post("/api/v1/plans")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Api plan", "startsOn": "2026-01-01", "endsOn": "2028-12-31",
                                 "evidenceRequired": true}"""))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.version").value(0)));
        String planId = field(plan, "id");
        String objective = json(mvc.perform(post("/api/v1/plans/" + planId + "/objectives")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pillar\": \"PROSECUTION\", \"title\": \"More cases prosecuted\"}"))
                .andExpect(status().isCreated()));
        String measure = json(mvc.perform(post("/api/v1/plans/" + planId + "/measures")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"objectiveId": "%s", "title": "Joint inspections with police",
                                 "leadOrganisation": "%s", "partners": ["%s"],
                                 "startsOn": "2026-02-01", "dueOn": "2026-12-31"}""".formatted(field(objective, "id"), inspectorate, shelter)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.measure.status").value("NOT_STARTED"))
                .andExpect(jsonPath("$.objective.pillar").value("PROSECUTION")));
        String measureId = measure.replaceFirst("(?s).*\"measure\":\\{\"id\":\"([^\"]+)\".*", "$1");

        mvc.perform(post("/api/v1/plans/measures/" + measureId + "/status")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"ON_TRACK\", \"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("requires evidence")));
        mvc.perform(post("/api/v1/plans/measures/" + measureId + "/status")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"ON_TRACK\", \"evidence\": \"12 joint inspections\", \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measure.status").value("ON_TRACK"))
                .andExpect(jsonPath("$.history[0].evidence").value("12 joint inspections"));
        // the same version again: someone else's change came first
        mvc.perform(post("/api/v1/plans/measures/" + measureId + "/status")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"DONE\", \"evidence\": \"All done\", \"version\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // another organisation may not report on it
        mvc.perform(post("/api/v1/plans/measures/" + measureId + "/status")
                        .with(as(Role.SERVICE_PROVIDER, shelter))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"DONE\", \"evidence\": \"Not ours\", \"version\": 1}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/plans/measures/" + measureId + "/budget")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": 2026, \"source\": \"DONORS\", \"spent\": 750.25, \"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.line.spent").value(750.25))
                .andExpect(jsonPath("$.overspent").value(true));

        mvc.perform(get("/api/v1/plans/" + planId).with(as(Role.STATISTICIAN, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.title").value("Api plan"))
                .andExpect(jsonPath("$.total.spent").value(750.25))
                .andExpect(jsonPath("$.totalsByOrganisation['" + inspectorate + "'].spent")
                        .value(750.25));
        mvc.perform(get("/api/v1/plans").with(as(Role.STATISTICIAN, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title").value(hasItem("Api plan")));
    }

    @Test
    void badInputAnswersProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/plans")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"title\": \"Backwards\", \"startsOn\": \"2027-01-01\", \"endsOn\": \"2026-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("cannot end before it starts")));
        mvc.perform(post("/api/v1/plans")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("startsOn")));
        mvc.perform(post("/api/v1/plans")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Odd\", \"startsOn\": \"first of May\", \"endsOn\": \"2026-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("startsOn"));
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        mvc.perform(post("/api/v1/plans/" + measure.planId() + "/measures")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"objectiveId": "%s", "title": "Leaderless",
                                 "startsOn": "2026-02-01", "dueOn": "2026-12-31"}""".formatted(measure.objectiveId())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("leadOrganisation")));
        mvc.perform(get("/api/v1/plans/" + UUID.randomUUID()).with(as(Role.COORDINATOR, office)))
                .andExpect(status().isNotFound());
    }

    private static String json(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString();
    }

    private static String field(String json, String name) {
        return json.replaceFirst("(?s).*?\"" + name + "\":\"([^\"]+)\".*", "$1");
    }
}
