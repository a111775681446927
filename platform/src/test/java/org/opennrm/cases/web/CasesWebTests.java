package org.opennrm.cases.web;

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

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.OpenedCase;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.queue.QueuePages;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The case pages' journeys through the whole application: a referral made in {@code referrals} reaching the queue
 * with its reminders, the queue's kept pages, decisions and reviews shown on the case page and in the referrer's
 * list, the code lists' rules on the profile, and what the database decides (a reference found, a guardian confined
 * to their child). What one page shows or answers given what case management returns is in
 * {@link CasePagesSliceTests} and {@link DecisionPagesSliceTests}.
 */
@PlatformTest
@TestPropertySource(properties = PlatformTest.SESSIONS_IN_MEMORY)
class CasesWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

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

    @Autowired
    org.opennrm.referrals.Referrals referrals;

    /** Referred through the referrals module, as a referrer does, so that it shows in "my referrals". */
    OpenedCase referAdult() {
        var request = CaseFixtures.adultReferral(office);
        var receipt = SignedIn.as(
                Role.REFERRER,
                inspectorate,
                () -> referrals.refer(new org.opennrm.referrals.ReferralRequest(
                        request.person(),
                        request.ageInDoubt(),
                        request.circumstances(),
                        request.profile(),
                        request.consents(),
                        request.events(),
                        request.guardianAccountId(),
                        request.screeningId())));
        return new OpenedCase(receipt.caseId(), receipt.reference());
    }

    String today() {
        return LocalDate.now(clock).toString();
    }

    @Test
    void caseManagerSeesTheReferralInTheQueueWithItsDueDateAndFindsItByItsReference() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/cases/queue").with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reminders\"")))
                .andExpect(content().string(containsString("Preliminary decision due")));
        mvc.perform(get("/cases/queue").param("reference", opened.reference()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/cases/" + opened.caseId()));
    }

    @Autowired
    QueuePages queuePages;

    @Test
    void theQueueShowsANewReferralAtOnceThoughItsPagesAreKept() throws Exception {
        var kept = queuePage(0);
        assertThat(queuePage(0)).as("nothing changed: the kept page").isSameAs(kept);
        assertThat(queueShows("NRM-none")).isFalse(); // every page rendered and kept

        var opened = referAdult();

        assertThat(queuePage(0)).as("a case changed: rendered again").isNotSameAs(kept);
        assertThat(queueShows(opened.reference())).isTrue();
    }

    @Test
    void aSearchForAReferenceLeavesTheKeptQueueFreeOfTheReadersCsrfToken() throws Exception {
        referAdult();
        mvc.perform(get("/cases/queue").param("reference", "NRM-1999-000000").with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk());

        // the kept content is the same for every reader: no person's CSRF token may be in it
        assertThat(queuePage(0)).doesNotContain("_csrf").contains("id=\"reference\"");
    }

    @Test
    void theWholeQueuePageIsKeptPerReaderAndSentWithEachRequestsOwnCsrfToken() throws Exception {
        // a test actor's name, as the layout shows it, is its username ("test-case_manager")
        var reader = org.opennrm.access.TestSignIn.actor(Role.CASE_MANAGER, office);
        var session = new org.springframework.mock.web.MockHttpSession();
        String first = queueAs(reader, session);
        String second = queueAs(reader, session);
        assertThat(SignedIn.as(reader, () -> queuePages.kept(0, java.util.Locale.ENGLISH)))
                .as("the second page was the kept one")
                .isPresent();

        String token = csrfTokenOf(second);
        assertThat(second).doesNotContain(org.opennrm.KeptPage.MARK).contains(reader.getName());
        assertThat(token).as("masked anew for each request").isNotBlank().isNotEqualTo(csrfTokenOf(first));
        assertThat(second).as("the logout form carries the same token").contains("value=\"" + token + "\"");
        mvc.perform(post("/logout").session(session).param("_csrf", token).with(as(reader)))
                .andExpect(status().is3xxRedirection());

        // another reader gets a page of their own: their name, their menu
        var officer = org.opennrm.access.TestSignIn.actor(Role.IDENTIFICATION_OFFICER, office);
        String officers = queueAs(officer, new org.springframework.mock.web.MockHttpSession());
        assertThat(officers).contains(officer.getName()).doesNotContain(reader.getName());
    }

    private String queueAs(org.opennrm.access.Actor reader, org.springframework.mock.web.MockHttpSession session)
            throws Exception {
        return mvc.perform(get("/cases/queue").session(session).with(as(reader)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String csrfTokenOf(String page) {
        var found = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(page);
        assertThat(found.find()).as("a CSRF token in the page").isTrue();
        return found.group(1);
    }

    /** The kept lists of one queue page, as the page's controller gets them. */
    private String queuePage(int page) {
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/cases/queue");
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        return SignedIn.as(
                Role.CASE_MANAGER, office, () -> queuePages.lists(page, java.util.Locale.ENGLISH, request, response));
    }

    /** Whether any page of the queue, as a case manager sees it, lists the case. */
    private boolean queueShows(String reference) throws Exception {
        for (int page = 0; ; page++) {
            String html = mvc.perform(get("/cases/queue")
                            .param("page", String.valueOf(page))
                            .with(as(Role.CASE_MANAGER, office)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (html.contains("id=\"queue-" + reference + "\"")) {
                return true;
            }
            if (!html.contains("id=\"next-page\"")) {
                return false;
            }
        }
    }

    @Test
    void identificationOfficerRecordsPreliminaryDecisionAndRecoveryPeriodAppears() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.IDENTIFICATION_OFFICER, panel)))
                .andExpect(content().string(containsString("id=\"record-preliminary\"")));
        mvc.perform(get("/cases/{id}/decisions/preliminary", opened.caseId())
                        .with(as(Role.IDENTIFICATION_OFFICER, panel)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"decide-preliminary\"")));
        mvc.perform(post("/cases/{id}/decisions/preliminary", opened.caseId())
                        .with(csrf())
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .param("outcome", "PRESUMED_VICTIM")
                        .param("decidedOn", today())
                        .param("reasons", "Debt bondage and withheld documents")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "decision.flash.recorded"));

        var end = LocalDate.now(clock).plusDays(cases.settings().recoveryPeriodDays());
        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"recovery-period\"")))
                .andExpect(content().string(containsString(end.toString())))
                .andExpect(content().string(containsString("Presumed victim")))
                .andExpect(content().string(containsString("Formal decision due")));
        mvc.perform(get("/referrals/mine").with(as(Role.REFERRER, inspectorate)))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesRegex("(?s).*id=\"referral-" + opened.reference()
                                + "\"[^/]*?</td>.*?Decided.*?Presumed victim.*")));
    }

    @Test
    void panelReviewsANegativeDecisionThroughThePages() throws Exception {
        var opened = referAdult();
        var negative = SignedIn.as(
                Role.IDENTIFICATION_OFFICER,
                panel,
                () -> cases.decidePreliminary(
                        opened.caseId(),
                        null,
                        new DecisionRequest(
                                DecisionOutcome.NOT_PRESUMED, LocalDate.now(clock), "No indicators", null)));

        mvc.perform(get("/cases/{id}/decisions/{decisionId}/review", opened.caseId(), negative.id())
                        .with(as(Role.IDENTIFICATION_OFFICER, panel)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"record-review\"")));
        mvc.perform(post("/cases/{id}/decisions/{decisionId}/review", opened.caseId(), negative.id())
                        .with(csrf())
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .param("outcome", "RECONSIDERED")
                        .param("reviewedOn", today())
                        .param("reasons", "The panel saw control by debt")
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("Replaced")))
                .andExpect(content().string(containsString("Reconsideration")))
                .andExpect(content().string(containsString("The panel saw control by debt")));
    }

    @Test
    void aGuardianOpensNoFormOfACaseNotInTheirCareNorAnyoneAFormOfAnUnknownCase() throws Exception {
        var opened = referAdult();
        // a guardian may open the consent form of a child in their care only: of any other case, not even its
        // reference is shown
        mvc.perform(get("/cases/{id}/forms/consent", opened.caseId()).with(as(Role.GUARDIAN, office)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/{id}/forms/event", java.util.UUID.randomUUID()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isNotFound());
    }

    @Test
    void caseManagerRecordsTheTypesOfSexualExploitationShownInWordsAndRefusedOutsideTheHtcdsList() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/cases/{id}/profile", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"RemoteInteractiveServices\"")));
        mvc.perform(post("/cases/{id}/profile", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("exploitationForms", "SexualExploitation")
                        .param("sexualExploitationTypes", "Escort")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rule-errors\"")));
        mvc.perform(post("/cases/{id}/profile", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("exploitationForms", "SexualExploitation")
                        .param("sexualExploitationTypes", "Prostitution", "RemoteInteractiveServices")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        org.hamcrest.Matchers.matchesRegex(
                                                "(?s).*id=\"sexual-exploitation-types\">.*Prostitution.*Remote interactive services.*")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(">RemoteInteractiveServices<"))));
        mvc.perform(get("/cases/{id}/profile", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesRegex(
                                "(?s).*value=\"Prostitution\"[^>]*checked=\"checked\".*")));
    }

    @Test
    void caseManagerChangesTheProfileAndClosesTheCaseAndTheReferrerSeesItClosed() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/cases/{id}/profile", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesRegex(
                                "(?s).*value=\"ForcedLabour\"[^>]*checked=\"checked\".*")));
        mvc.perform(post("/cases/{id}/profile", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("exploitationForms", "ForcedLabour", "ForcedBegging")
                        .param("exploitationCountries", "AUT")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/cases/{id}/close", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("reason", "PERSON_WITHDREW")
                        .param("version", "1")
                        .param("confirmed", "true"))
                .andExpect(flash().attribute("flash", "case.flash.closed"));

        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("Forced begging")))
                .andExpect(content().string(containsString("Austria")))
                .andExpect(content().string(containsString("The person withdrew")))
                .andExpect(content().string(not(containsString("id=\"close-case\""))));
        mvc.perform(get("/referrals/mine").with(as(Role.REFERRER, inspectorate)))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.matchesRegex(
                                "(?s).*id=\"referral-" + opened.reference() + "\"[^/]*?</td>.*?Closed.*")));
    }
}
