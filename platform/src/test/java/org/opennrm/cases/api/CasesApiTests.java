package org.opennrm.cases.api;

import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.OpenedCase;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * The cases API over the whole application: the decision rules through the database (order, versions, a review that
 * replaces a decision) and a referred case reaching the API's queue, whose page past the end is empty rather than a
 * database error. How each answer and refusal looks is {@code CasesApiSliceTests}'; the scope and encryption of a read
 * case file are {@code CasesModuleTests}'.
 */
@PlatformTest
class CasesApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    UUID inspectorate;
    UUID panel;
    UUID office;

    @BeforeEach
    void demoOrganisations() {
        inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        panel = organisations
                .findByName("Multi-agency Identification Panel")
                .orElseThrow()
                .id();
        office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
    }

    OpenedCase referAdult() {
        return SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(office)));
    }

    String decision(String outcome, Integer version) {
        return "{\"outcome\": \"" + outcome + "\", \"decidedOn\": \"" + LocalDate.now(clock)
                + "\", \"reasons\": \"Indicators of forced labour\""
                + (version == null ? "" : ", \"version\": " + version)
                + "}";
    }

    @Test
    void decisionsThroughTheApiFollowTheRules() throws Exception {
        var opened = referAdult();
        var id = opened.caseId();

        mvc.perform(post("/api/v1/cases/{id}/decisions/formal", id)
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("IDENTIFIED", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:DecisionOutOfOrder"))
                .andExpect(jsonPath("$.detail").value(containsString("preliminary decision first")));
        mvc.perform(post("/api/v1/cases/{id}/decisions/preliminary", id)
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("PRESUMED_VICTIM", 0)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("PRESUMED_VICTIM"))
                .andExpect(jsonPath("$.protectionFromRemoval").value(true));
        mvc.perform(post("/api/v1/cases/{id}/decisions/preliminary", id)
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("PRESUMED_VICTIM", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("already taken")));
        mvc.perform(post("/api/v1/cases/{id}/decisions/formal", id)
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("NOT_IDENTIFIED", 0)))
                .andExpect(status().isConflict());
        var formal = mvc.perform(post("/api/v1/cases/{id}/decisions/formal", id)
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("NOT_IDENTIFIED", 1)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var formalId = json.readTree(formal).get("id").asString();

        mvc.perform(post("/api/v1/cases/{id}/decisions/{decisionId}/review", id, formalId)
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"RECONSIDERED\", \"reviewedOn\": \"" + LocalDate.now(clock)
                                + "\", \"reasons\": \"Panel view\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("RECONSIDERED"));
        mvc.perform(get("/api/v1/cases/{id}", id).with(as(Role.IDENTIFICATION_OFFICER, panel)))
                .andExpect(jsonPath("$.decisions.length()").value(3))
                .andExpect(jsonPath("$.decisions[1].replaced").value(true))
                .andExpect(jsonPath("$.decisions[2].outcome").value("IDENTIFIED"));
    }

    @Test
    void queueThroughTheApiListsDueCases() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/api/v1/cases/queue").with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.entries[0].dueKind").exists());
        // a page whose offset would overflow: an empty page, not a database error
        mvc.perform(get("/api/v1/cases/queue")
                        .param("page", String.valueOf(Integer.MAX_VALUE))
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty());
        mvc.perform(get("/cases/queue")
                        .param("page", String.valueOf(Integer.MAX_VALUE))
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk());
        org.assertj.core.api.Assertions.assertThat(opened.reference()).startsWith("NRM-");
    }
}
