package org.opennrm.cases.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
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
    void caseFileIsReadByCaseManagersAndNotFoundForReferrers() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/api/v1/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(opened.reference()))
                .andExpect(jsonPath("$.person.givenName").value("Testa"))
                .andExpect(jsonPath("$.profile.exploitationForms[0]").value("ForcedLabour"))
                .andExpect(jsonPath("$.nextDueKind").value("PRELIMINARY_DECISION"))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get("/api/v1/cases/{id}", opened.caseId()).with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
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
    void invalidDecisionIsAProblemWithFieldErrors() throws Exception {
        var opened = referAdult();

        mvc.perform(post("/api/v1/cases/{id}/decisions/preliminary", opened.caseId())
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"PRESUMED_VICTIM\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("reasons")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("decidedOn")));
        mvc.perform(post("/api/v1/cases/{id}/decisions/preliminary", opened.caseId())
                        .with(as(Role.CASE_MANAGER, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("PRESUMED_VICTIM", null)))
                .andExpect(status().isForbidden());
    }

    @Test
    void withdrawingConsentThroughTheApiStopsSharing() throws Exception {
        var opened = referAdult();

        mvc.perform(post("/api/v1/cases/{id}/consents/SHARING/withdraw", opened.caseId())
                        .with(as(Role.CASE_MANAGER, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\": \"" + office + "\"}"))
                .andExpect(status().isNoContent());
        org.assertj.core.api.Assertions.assertThat(cases.sharingAllowed(opened.caseId(), office))
                .isFalse();
        mvc.perform(post("/api/v1/cases/{id}/consents/SHARING/withdraw", opened.caseId())
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:ConsentMissing"));
    }

    @Test
    void queueThroughTheApiListsDueCases() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/api/v1/cases/queue").with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.entries[0].dueKind").exists());
        mvc.perform(get("/api/v1/cases/queue").with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isForbidden());
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
