package org.opennrm.referrals;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import tools.jackson.databind.ObjectMapper;

@PlatformTest
class ReferralsApiTests {

    static final String ADULT = """
            {"person": {"givenName": "Lena", "familyName": "%s", "ageEstimate": 34, "gender": "TransgenderFeminine",
                        "citizenships": ["UKR"], "languages": ["ukr"]},
             "circumstances": "Referred after a health check",
             "profile": {"exploitationForms": ["SexualExploitation", "ForcedLabour"], "methodsOfControl": ["WithholdsDocuments"],
                         "exploitationCountries": ["POL"], "vulnerabilities": ["MIGRANT_OR_REFUGEE"]},
             "consents": [{"purpose": "ASSISTANCE", "given": true}, {"purpose": "STATISTICS", "given": false}],
             "events": [{"type": "Recruitment", "occurredOn": "2025-11-02", "country": "UKR"}]}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    ObjectMapper json;

    UUID inspectorate;
    UUID office;

    @BeforeEach
    void demoOrganisations() {
        inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
    }

    @Test
    void referralThroughTheApiOpensACaseAndShowsInMyReferrals() throws Exception {
        var familyName = "Api" + UUID.randomUUID().toString().substring(0, 8);
        var body = mvc.perform(post("/api/v1/referrals")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ADULT.formatted(familyName)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").value(org.hamcrest.Matchers.startsWith("NRM-")))
                .andExpect(jsonPath("$.caseId").isString())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var reference = json.readTree(body).get("reference").asString();

        mvc.perform(get("/api/v1/referrals/mine").with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.referrals[*].reference", hasItem(reference)))
                .andExpect(jsonPath("$.referrals[0].status").value("SENT"))
                .andExpect(jsonPath("$.monthlyCounts[0].referrals").isNumber())
                .andExpect(content().string(not(containsString(familyName))));
    }

    @Test
    void thePersonsLanguagesKeepTheOrderTheyWereGivenIn() throws Exception {
        var body = mvc.perform(post("/api/v1/referrals")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ADULT.formatted("Languages").replace("[\"ukr\"]", "[\"ukr\", \"ron\", \"eng\"]")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var caseId = json.readTree(body).get("caseId").asString();

        // the first language is the person's primary one (HTCDS prs_PrimaryLanguage), whatever the alphabet says
        mvc.perform(get("/api/v1/cases/" + caseId).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person.languages[0]").value("ukr"))
                .andExpect(jsonPath("$.person.languages[1]").value("ron"))
                .andExpect(jsonPath("$.person.languages[2]").value("eng"));
    }

    @Test
    void referralWithoutPersonIsAProblemWithFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/referrals")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"circumstances\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("person"));
    }

    @Test
    void childReferralWithoutGuardianIsAProblemNamingTheRule() throws Exception {
        mvc.perform(post("/api/v1/referrals")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"person\": {\"givenName\": \"Tom\", \"ageEstimate\": 12}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:GuardianMissing"))
                .andExpect(jsonPath("$.detail").value(containsString("guardian")));
    }

    @Test
    void unknownCodeIsAProblem() throws Exception {
        mvc.perform(post("/api/v1/referrals")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ADULT.formatted("Code").replace("\"POL\"", "\"XXX\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:CodeNotInList"));
    }

    @Test
    void anonymousNotificationThroughTheApi() throws Exception {
        mvc.perform(post("/api/v1/notifications/anonymous")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gender\": \"Feminine\", \"ageGroup\": \"AGE_24_26\", \"nationality\": \"NGA\","
                                + " \"exploitationForms\": [\"SexualExploitation\"], \"region\": \"Capital\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString());
        mvc.perform(post("/api/v1/notifications/anonymous")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gender\": \"Feminine\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ageGroup"));
    }

    @Test
    void referralsNeedTheReferrerPermission() throws Exception {
        mvc.perform(post("/api/v1/referrals")
                        .with(as(Role.CASE_MANAGER, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ADULT.formatted("Forbidden")))
                .andExpect(status().isForbidden());
    }
}
