package org.opennrm.access;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class AuditApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AuditChain chain;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditKey key;

    UUID organisation() {
        return organisations.all().getFirst().id();
    }

    @Test
    void administratorSearchesByRecordAndTime() throws Exception {
        String recordId = UUID.randomUUID().toString();
        audit.record(AuditAction.CREATE, "api-test-record", recordId, "created");
        audit.record(AuditAction.UPDATE, "api-test-record", recordId, "changed");

        mvc.perform(get("/api/v1/audit")
                        .param("recordType", "api-test-record")
                        .param("recordId", recordId)
                        .param("from", "2001-01-01")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries", hasSize(2)))
                .andExpect(jsonPath("$.entries[0].action").value("UPDATE"))
                .andExpect(jsonPath("$.entries[1].action").value("CREATE"))
                .andExpect(jsonPath("$.entries[0].recordId").value(recordId))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.hasNext").value(false));
        mvc.perform(get("/api/v1/audit")
                        .param("recordType", "api-test-record")
                        .param("recordId", recordId)
                        .param("to", "2001-01-01")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries", hasSize(0)));
    }

    @Test
    void invalidTimeIsAProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/audit").param("to", "soon").with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/audit")
                        .param("from", "2026-02-01")
                        .param("to", "2026-01-01")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void verificationAnswersTheReport() throws Exception {
        mvc.perform(post("/api/v1/audit/verification").with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entriesChecked").value(greaterThan(0)))
                .andExpect(jsonPath("$.lastHash").isString())
                .andExpect(jsonPath("$.durationMillis").isNumber())
                .andExpect(jsonPath("$.summary").isString());
    }

    @Test
    void checkpointsComeWithTheKeyThatChecksThem() throws Exception {
        audit.record(AuditAction.READ, "api-test-record", UUID.randomUUID(), "before a checkpoint");
        chain.seal();
        checkpoints.publish();
        audit.record(AuditAction.READ, "api-test-record", UUID.randomUUID(), "before the next checkpoint");
        chain.seal();
        var published = checkpoints.publish().orElseThrow();

        mvc.perform(get("/api/v1/audit/checkpoints")
                        .param("limit", "2")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keyId").value(key.keyId()))
                .andExpect(jsonPath("$.publicKey").value(key.publicKeyPem()))
                .andExpect(jsonPath("$.checkpoints", hasSize(2)))
                .andExpect(jsonPath("$.checkpoints[1].sequence").value(published.sequence()))
                .andExpect(jsonPath("$.checkpoints[1].hash").value(published.hash()))
                .andExpect(jsonPath("$.checkpoints[1].signature").value(published.signature()))
                .andExpect(jsonPath("$.checkpoints[1].line").value(published.line()));
        mvc.perform(get("/api/v1/audit/checkpoints")
                        .param("limit", "0")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/audit/checkpoints").with(TestSignIn.as(Role.CASE_MANAGER, organisation())))
                .andExpect(status().isForbidden());
    }

    @Test
    void rolesWithoutAuditRightsAreRefused() throws Exception {
        mvc.perform(get("/api/v1/audit").with(TestSignIn.as(Role.REFERRER, organisation())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/audit/verification").with(TestSignIn.as(Role.COORDINATOR, organisation())))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutATokenTheApiAnswersUnauthorised() throws Exception {
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/audit/verification")).andExpect(status().isUnauthorized());
    }
}
