package org.opennrm.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages of the whole flow: the NRM refers a case to a shelter, the shelter accepts and records a service,
 * the case manager closes the case with a durable solution and feedback; and the shelter never reaches the
 * criminal-justice track, through the pages or the API. What the assistance pages show and answer given what
 * assistance returns (the feedback in the person's language, a refusal on its field) is in
 * {@link AssistancePagesSliceTests}.
 */
@PlatformTest
// MockMvc's flashAttr did not reach the page through the session filter; flash after a redirect is covered in the
// browser
@TestPropertySource(properties = PlatformTest.SESSIONS_IN_MEMORY)
class AssistanceWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    UUID inspectorate;
    UUID office;
    UUID shelter;

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
        shelter = organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
    }

    CaseId referredCase() {
        return SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)))
                .caseId();
    }

    @Test
    void shelterAcceptsRecordsAServiceAndTheCaseManagerClosesTheCase() throws Exception {
        var caseId = referredCase();
        var reference = cases.summary(caseId).orElseThrow().reference();
        mvc.perform(post("/cases/{id}/service-referrals", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .param("receiverId", shelter.toString())
                        .param("purpose", "Safe accommodation for two weeks")
                        .param("scopes", "IDENTITY_BASIC", "HEALTH_NEEDS")
                        .param("healthNeeds", "Needs a dentist"))
                .andExpect(flash().attribute("flash", "serviceReferral.flash.sent"));
        mvc.perform(post("/assistance/cases/{id}/plan", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf()))
                .andExpect(flash().attribute("flash", "assist.flash.planOpened"));

        mvc.perform(get("/services/referrals").with(as(Role.SERVICE_PROVIDER, shelter)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(reference)));
        UUID referralId = jdbc.sql("select id from referrals.service_referral where case_id = :id")
                .param("id", caseId.value())
                .query(UUID.class)
                .single();
        mvc.perform(get("/services/referrals/{id}", referralId).with(as(Role.SERVICE_PROVIDER, shelter)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Testa")))
                .andExpect(content().string(containsString("Needs a dentist")))
                .andExpect(content().string(containsString("id=\"accept-referral\"")))
                .andExpect(content().string(not(containsString("construction site"))))
                .andExpect(content().string(not(containsString("ForcedLabour"))));
        mvc.perform(post("/services/referrals/{id}/accept", referralId)
                        .with(as(Role.SERVICE_PROVIDER, shelter))
                        .with(csrf()))
                .andExpect(redirectedUrl("/services/referrals/" + referralId))
                .andExpect(flash().attribute("flash", "serviceReferral.flash.accepted"));

        var today = LocalDate.now(clock);
        mvc.perform(get("/assistance/cases/{id}", caseId.value()).with(as(Role.SERVICE_PROVIDER, shelter)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"record-service\"")));
        mvc.perform(post("/assistance/cases/{id}/services", caseId.value())
                        .with(as(Role.SERVICE_PROVIDER, shelter))
                        .with(csrf())
                        .param("type", "EMERGENCY_ACCOMMODATION")
                        .param("startedOn", today.toString())
                        .param("endedOn", today.minusDays(2).toString()))
                .andExpect(flash().attribute("refused", "assist.endBeforeStart"));
        mvc.perform(post("/assistance/cases/{id}/services", caseId.value())
                        .with(as(Role.SERVICE_PROVIDER, shelter))
                        .with(csrf())
                        .param("type", "EMERGENCY_ACCOMMODATION")
                        .param("startedOn", today.toString())
                        .param("outcome", "Housed"))
                .andExpect(flash().attribute("flash", "assist.flash.serviceRecorded"));

        mvc.perform(get("/assistance/cases/{id}/closure", caseId.value())
                        .param("language", "ru")
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Чувствовали ли вы себя в безопасности")));
        mvc.perform(post("/assistance/cases/{id}/closure", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .param("solution", "RETURN_TO_COUNTRY_OF_ORIGIN")
                        .param("reason", "Chose to return to the family")
                        .param("feedbackLanguage", "ru")
                        .param("feltSafe", "YES")
                        .param("needsMet", "PARTLY"))
                .andExpect(flash().attribute("flash", "assist.flash.closed"));
        assertThat(cases.summary(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        mvc.perform(post("/assistance/cases/{id}/reopen", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .param("reason", "The return was postponed"))
                .andExpect(flash().attribute("flash", "assist.flash.reopened"));
        assertThat(cases.summary(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void sharingWithoutConsentIsRefusedUnlessOverriddenAndTheOverrideIsShownOnTheCase() throws Exception {
        var caseId = referredCase();
        UUID hospital =
                organisations.findByName("Central Hospital").orElseThrow().id();
        mvc.perform(post("/cases/{id}/service-referrals", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .param("receiverId", hospital.toString())
                        .param("purpose", "Urgent care")
                        .param("scopes", "IDENTITY_BASIC"))
                .andExpect(flash().attribute("refused", "serviceReferral.consentMissing"));
        mvc.perform(post("/cases/{id}/service-referrals", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .param("receiverId", hospital.toString())
                        .param("purpose", "Urgent care")
                        .param("scopes", "IDENTITY_BASIC")
                        .param("overrideGround", "RISK_TO_LIFE")
                        .param("overrideReason", "Severe untreated injury"))
                .andExpect(flash().attribute("flash", "serviceReferral.flash.sent"));
        mvc.perform(get("/cases/{id}", caseId.value()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sharing-overrides\"")))
                .andExpect(content().string(containsString("Severe untreated injury")));
    }

    @Test
    void shelterCannotOpenTheCriminalJusticeTrackThroughPagesOrApi() throws Exception {
        var caseId = referredCase();
        mvc.perform(post("/cases/{id}/criminal-justice", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .param("status", "WITNESS")
                        .param("cooperation", "NO")
                        .param("proceedings", "Investigation 77/2026"))
                .andExpect(redirectedUrl("/cases/" + caseId.value() + "/criminal-justice"));
        mvc.perform(get("/cases/{id}/criminal-justice", caseId.value()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Investigation 77/2026")));
        // what was done is said once, in the page frame, not a second time by the page itself
        String saved = mvc.perform(get("/cases/{id}/criminal-justice", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .flashAttr("flash", "criminalJustice.flash.saved"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(saved.split("The criminal-justice track is saved\\.", -1)).hasSize(2);

        mvc.perform(get("/cases/{id}/criminal-justice", caseId.value()).with(as(Role.SERVICE_PROVIDER, shelter)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Investigation 77/2026"))));
        mvc.perform(get("/api/v1/cases/{id}/criminal-justice", caseId.value()).with(as(Role.SERVICE_PROVIDER, shelter)))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/cases/{id}/criminal-justice", caseId.value())
                        .with(as(Role.SERVICE_PROVIDER, shelter))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"WITNESS\",\"cooperation\":\"YES\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/{id}/criminal-justice", caseId.value()).with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/{id}", caseId.value()).with(as(Role.SERVICE_PROVIDER, shelter)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/{id}/criminal-justice", caseId.value()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"cooperation\":\"NO\"")));
        int cooperationNo = jdbc.sql(
                        "select count(*) from cases.criminal_justice_track where case_id = :id and cooperation = 'NO'")
                .param("id", caseId.value())
                .query(Integer.class)
                .single();
        assertThat(cooperationNo).isEqualTo(1);
    }

    @Test
    void aPermitAppliedForIsDecidedThroughTheApiAndEveryRefusalIsAProblemAndTheDecidedPermitOnThePage()
            throws Exception {
        var caseId = referredCase();
        var today = LocalDate.now(clock);
        mvc.perform(post("/assistance/cases/{id}/plan", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf()))
                .andExpect(flash().attribute("flash", "assist.flash.planOpened"));
        String created = mvc.perform(post("/api/v1/assistance/cases/{id}/services", caseId.value())
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"TEMPORARY_RESIDENCE_PERMIT\",\"startedOn\":\"" + today
                                + "\",\"result\":\"APPLIED\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.result").value("APPLIED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String serviceId = created.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        String decide = "/api/v1/assistance/cases/{id}/services/{serviceId}/result";

        mvc.perform(post(decide, caseId.value(), serviceId)
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"AWARDED\",\"decidedOn\":\"" + today + "\"}"))
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Choose the decision")));
        // a date that is not one, who may decide, how answers and problems look: AssistanceApiSliceTests
        mvc.perform(post(decide, caseId.value(), serviceId)
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"GRANTED\",\"decidedOn\":\"" + today + "\",\"expiresOn\":\""
                                + today.plusYears(1) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("GRANTED"))
                .andExpect(jsonPath("$.expiresOn").value(today.plusYears(1).toString()));
        // decided once: the page says so
        mvc.perform(post("/assistance/cases/{id}/services/{serviceId}/result", caseId.value(), serviceId)
                        .with(as(Role.CASE_MANAGER, office))
                        .with(csrf())
                        .param("result", "REFUSED")
                        .param("decidedOn", today.toString()))
                .andExpect(flash().attribute("refused", "assist.result.notPending"));
        mvc.perform(get("/assistance/cases/{id}", caseId.value()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"result-" + serviceId + "\"")))
                .andExpect(content().string(not(containsString("id=\"decide-" + serviceId + "\""))));
    }
}
