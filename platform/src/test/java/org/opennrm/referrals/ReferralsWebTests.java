package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A referral through the pages into the whole platform: it becomes a case, the referrer follows it without seeing the
 * person, a screening's findings carry over into the form, and an anonymous notification is recorded. The form's own
 * answers (field messages, refusals shown on the form, languages, who reaches it) are {@code ReferralPagesSliceTests}.
 */
@PlatformTest
class ReferralsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    UUID inspectorate;
    UUID office;
    UUID otherReferrer;

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
        otherReferrer = organisations.all().stream()
                .filter(organisation -> !organisation.id().equals(inspectorate)
                        && organisation.nrmRoles().contains(org.opennrm.organisations.NrmRole.REFERRER))
                .findFirst()
                .orElseThrow()
                .id();
    }

    static MockHttpServletRequestBuilder adultReferral(String familyName) {
        return adultReferral(familyName, LocalDate.now().minusDays(10), true);
    }

    static MockHttpServletRequestBuilder adultReferral(String familyName, LocalDate eventDate, boolean consent) {
        return post("/referrals/new")
                .with(csrf())
                .param("givenName", "Ana")
                .param("familyName", familyName)
                .param("ageEstimate", "29")
                .param("gender", "Feminine")
                .param("citizenships", "MDA")
                .param("circumstances", "Found sleeping on a building site")
                .param("exploitationForms", "ForcedLabour", "SexualExploitation")
                .param("sectors", "F_Construction")
                .param("eventType", "Exploitation")
                .param("eventDate", eventDate.toString())
                .param("eventCountry", "DEU")
                .param("consentAssistance", Boolean.toString(consent));
    }

    @Autowired
    org.opennrm.screening.Screenings screenings;

    @Test
    void referralAfterAScreeningCarriesOverTheFormsAndTheUnknownAge() throws Exception {
        var screening = org.opennrm.cases.SignedIn.as(
                Role.REFERRER,
                inspectorate,
                () -> screenings.screen(new org.opennrm.screening.ScreeningRequest(
                        screenings.checklists().getFirst().id(),
                        java.util.Map.of(),
                        org.opennrm.screening.AgeGroup.UNKNOWN,
                        java.util.Set.of(
                                org.opennrm.screening.ExploitationForm.LABOUR_EXPLOITATION,
                                org.opennrm.screening.ExploitationForm.FORCED_CRIMINALITY))));

        mvc.perform(get("/referrals/new")
                        .param("screening", screening.id().value().toString())
                        .with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesRegex(
                                "(?s).*value=\"ForcedLabour\"[^>]*checked=\"checked\".*")))
                // forced criminality keeps its own code (the national extension), not HTCDS's "Other"
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesRegex(
                                "(?s).*value=\"ForcedCriminality\"[^>]*checked=\"checked\".*")))
                .andExpect(content()
                        .string(not(
                                org.hamcrest.Matchers.matchesRegex("(?s).*value=\"Other\"[^>]*checked=\"checked\".*"))))
                .andExpect(content().string(containsString("Forced criminality in an online scam compound")))
                .andExpect(
                        content()
                                .string(
                                        org.hamcrest.Matchers.matchesRegex(
                                                "(?s).*name=\"ageInDoubt\"[^>]*checked=\"checked\".*|(?s).*checked=\"checked\"[^>]*name=\"ageInDoubt\".*")))
                .andExpect(content()
                        .string(not(org.hamcrest.Matchers.matchesRegex(
                                "(?s).*value=\"SexualExploitation\"[^>]*checked=\"checked\".*"))));
        mvc.perform(get("/referrals/new")
                        .param("screening", screening.id().value().toString())
                        .with(as(Role.REFERRER, otherReferrer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("checked=\"checked\""))));
    }

    @Test
    void referrerSendsAReferralAndSeesItsStatusButNotThePerson() throws Exception {
        var familyName = "Webtest" + UUID.randomUUID().toString().substring(0, 8);

        var result = mvc.perform(adultReferral(familyName).with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/referrals/mine"))
                .andExpect(flash().attribute("flash", "referral.flash.sent"))
                .andReturn();
        var reference = (String) result.getFlashMap().get("sentReference");
        assertThat(reference).startsWith("NRM-");

        mvc.perform(get("/referrals/mine").with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("Sent")))
                .andExpect(content().string(containsString("Referrals per month")))
                .andExpect(content().string(not(containsString(familyName))))
                .andExpect(content().string(not(containsString("building site"))));
        mvc.perform(get("/referrals/mine").with(as(Role.REFERRER, otherReferrer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(reference))));
    }

    @Test
    void referrerOfAnyOrganisationGetsNotFoundForTheCaseFile() throws Exception {
        var result = mvc.perform(adultReferral("Hidden").with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var reference = (String) result.getFlashMap().get("sentReference");
        var caseId = jdbc.sql("select id from cases.case_file where reference = :reference")
                .param("reference", reference)
                .query(UUID.class)
                .single();

        mvc.perform(get("/cases/{id}", caseId).with(as(Role.REFERRER, otherReferrer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/{id}", caseId).with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/{id}", caseId).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hidden")));
    }

    @Test
    void anonymousNotificationIsRecordedWithoutIdentity() throws Exception {
        long before = jdbc.sql("select count(*) from cases.anonymous_notification")
                .query(Long.class)
                .single();

        mvc.perform(post("/referrals/anonymous")
                        .with(csrf())
                        .with(as(Role.REFERRER, inspectorate))
                        .param("gender", "Masculine")
                        .param("ageGroup", "AGE_21_23")
                        .param("nationality", "UKR")
                        .param("exploitationForms", "ForcedBegging")
                        .param("region", "North"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "anonymous.flash.sent"));

        assertThat(jdbc.sql("select count(*) from cases.anonymous_notification")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
    }
}
