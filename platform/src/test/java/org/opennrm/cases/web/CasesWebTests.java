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
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.EventEntry;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.OpenedCase;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.cases.queue.QueuePages;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

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
    void caseManagerSeesTheReferralInTheQueueWithItsDueDate() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/cases/queue").with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reminders\"")))
                .andExpect(content().string(containsString("Preliminary decision due")));
        mvc.perform(get("/cases/queue").param("reference", opened.reference()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/cases/" + opened.caseId()));
        mvc.perform(get("/cases/queue").with(as(Role.REFERRER, inspectorate))).andExpect(status().isForbidden());
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
    void aReferenceThatMatchesNoCaseIsSaidAboveTheQueue() throws Exception {
        referAdult();
        String page = mvc.perform(get("/cases/queue")
                        .param("reference", "NRM-1999-000000")
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"reference-not-found\"").contains("id=\"queue\"");
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
    void casePageShowsPersonConsentProfileAndDeadlines() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(opened.reference())))
                .andExpect(content().string(containsString("Testa Example")))
                .andExpect(content().string(containsString("Moldova")))
                .andExpect(content().string(containsString("Romanian")))
                .andExpect(content().string(containsString("Exploitation: Germany")))
                .andExpect(content().string(containsString("Forced labour")))
                .andExpect(content().string(containsString("Debt bondage")))
                .andExpect(content().string(containsString("Preliminary decision due")))
                .andExpect(content().string(containsString("Sharing with a named organisation")))
                .andExpect(content().string(not(containsString("id=\"record-preliminary\""))));
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
    void staleVersionShowsTheConflictAndKeepsTheInput() throws Exception {
        var opened = referAdult();
        SignedIn.run(
                Role.CASE_MANAGER,
                office,
                () -> cases.addEvent(
                        opened.caseId(), null, new EventEntry("Transit", LocalDate.now(clock), "ROU", null)));

        mvc.perform(post("/cases/{id}/decisions/preliminary", opened.caseId())
                        .with(csrf())
                        .with(as(Role.IDENTIFICATION_OFFICER, panel))
                        .param("outcome", "PRESUMED_VICTIM")
                        .param("decidedOn", today())
                        .param("reasons", "Typed before the change")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"conflict\"")))
                .andExpect(content().string(containsString("Typed before the change")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
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
    void caseManagerWithdrawsSharingConsentFromTheCasePage() throws Exception {
        var opened = referAdult();
        assertThat(cases.sharingAllowed(opened.caseId(), office)).isTrue();

        mvc.perform(post("/cases/{id}/consents/withdraw", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("purpose", "SHARING")
                        .param("organisationId", office.toString())
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "consent.flash.withdrawn"));

        assertThat(cases.sharingAllowed(opened.caseId(), office)).isFalse();
        mvc.perform(post("/cases/{id}/consents/withdraw", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("purpose", "SHARING")
                        .param("organisationId", office.toString()))
                .andExpect(flash().attribute("refused", "caseRule.consentNotInForce"));
    }

    @Test
    void caseManagerWithdrawsAConsentWithItsButtonOnTheCasePage() throws Exception {
        var opened = referAdult();
        String page = mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // every in-force consent has a button that names it and belongs to the page's one withdraw form
        var button = Pattern.compile("<button\\s+type=\"submit\"\\s+form=\"withdraw-consent\"\\s+name=\"consent\"\\s+"
                        + "value=\"([0-9a-f-]{36})\"")
                .matcher(page);
        assertThat(button.find()).as("a withdraw button in the page").isTrue();
        assertThat(page)
                .containsPattern("<form\\s+id=\"withdraw-consent\"\\s+method=\"post\"\\s+action=\"/cases/"
                        + opened.caseId().value() + "/consents/withdraw\">")
                .contains("name=\"_csrf\"");

        mvc.perform(post("/cases/{id}/consents/withdraw", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("consent", button.group(1))
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "consent.flash.withdrawn"));
        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("id=\"consent-" + button.group(1) + "\"")))
                .andExpect(content().string(not(containsString("value=\"" + button.group(1) + "\""))));

        // the same button sent again (from a page opened before) finds the consent no longer in force
        mvc.perform(post("/cases/{id}/consents/withdraw", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("consent", button.group(1)))
                .andExpect(flash().attribute("refused", "caseRule.consentNotInForce"));
    }

    @Test
    void casePageSpeaksFrench() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/cases/{id}", opened.caseId()).param("lang", "fr").with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Décision préliminaire attendue")))
                .andExpect(content().string(containsString("Travail forcé")));
    }

    @Test
    void unknownCaseIsNotFound() throws Exception {
        mvc.perform(get("/cases/{id}", UUID.randomUUID()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isNotFound());
    }

    @Autowired
    org.opennrm.access.AccountManagement accounts;

    @Test
    void childCaseShowsGuardianAndTakesBestInterestsAndAgeAssessment() throws Exception {
        var guardian = accounts.all().stream()
                .filter(account -> account.roles().contains(Role.GUARDIAN))
                .findFirst()
                .orElseThrow();
        var opened = SignedIn.as(
                Role.REFERRER,
                inspectorate,
                () -> cases.open(new OpenCase(
                        CaseFixtures.child(),
                        true,
                        "Found begging at the station",
                        TraffickingProfile.empty(),
                        java.util.List.of(),
                        java.util.List.of(),
                        guardian.id(),
                        null)));

        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Age in doubt")))
                .andExpect(content().string(containsString(guardian.displayName())))
                .andExpect(content().string(containsString("id=\"open-best-interests\"")))
                .andExpect(content().string(containsString("id=\"open-guardian\"")))
                .andExpect(content().string(not(containsString("id=\"record-best-interests\""))));
        // the form, fetched when the case manager opens it: with the version the case page showed
        mvc.perform(get("/cases/{id}/forms/best-interests", opened.caseId())
                        .param("version", "0")
                        .header("HX-Request", "true")
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"record-best-interests\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/cases/{id}/forms/guardian", opened.caseId())
                        .param("version", "0")
                        .header("HX-Request", "true")
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString(guardian.displayName())))
                .andExpect(content().string(containsString("id=\"appoint-guardian\"")));
        mvc.perform(post("/cases/{id}/best-interests", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("assessedOn", today())
                        .param("summary", "Placement with a foster family near the school")
                        .param("version", "0"))
                .andExpect(flash().attribute("flash", "bestInterests.flash.recorded"));
        mvc.perform(post("/cases/{id}/age-assessment", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("outcome", "CHILD")
                        .param("assessedOn", today())
                        .param("version", "1"))
                .andExpect(flash().attribute("flash", "ageAssessment.flash.recorded"));
        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("Placement with a foster family near the school")))
                .andExpect(content().string(containsString("id=\"case-child\">Child")));
    }

    @Test
    void theCasePagesFormsOpenOnDemandOrAsPagesOfTheirOwnForTheirWritersOnly() throws Exception {
        var opened = referAdult();

        mvc.perform(get("/cases/{id}", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("id=\"open-event\"")))
                .andExpect(content().string(containsString("id=\"open-consent\"")))
                // the country list (some 250 options) comes with the form, not with every view of the case
                .andExpect(content().string(not(containsString("id=\"country\""))));
        // without JavaScript: the link inside the closed form leads to it as a page of its own
        mvc.perform(get("/cases/{id}/forms/event", opened.caseId())
                        .param("version", "0")
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"back-to-case\"")))
                .andExpect(content().string(containsString(">Add an event</h1>")))
                .andExpect(content().string(containsString("id=\"form-case\">Case " + opened.reference() + "<")))
                .andExpect(content().string(containsString("<title>Add an event · " + opened.reference())))
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("id=\"add-event\"")))
                .andExpect(content().string(containsString("value=\"MDA\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/cases/{id}/forms/consent", opened.caseId())
                        .param("version", "0")
                        .header("HX-Request", "true")
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("id=\"give-consent\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));

        // only for those who may write: a referrer, a guardian for the case worker's forms, an unknown form
        mvc.perform(get("/cases/{id}/forms/event", opened.caseId()).with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cases/{id}/forms/consent", opened.caseId()).with(as(Role.IDENTIFICATION_OFFICER, panel)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cases/{id}/forms/closure", opened.caseId()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isNotFound());
        // a guardian may open the consent form of a child in their care only: of any other case, not even its
        // reference is shown
        mvc.perform(get("/cases/{id}/forms/consent", opened.caseId()).with(as(Role.GUARDIAN, office)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/{id}/forms/event", java.util.UUID.randomUUID()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRefusedConsentGuardianOrAgeAssessmentFormComesBackWithWhatWasChosen() throws Exception {
        var opened = referAdult();
        var guardian = accounts.all().stream()
                .filter(account -> account.roles().contains(Role.GUARDIAN))
                .findFirst()
                .orElseThrow();
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        // each form sent against a version of the case that is not the current one: refused with the conflict
        // message, and back to the form as a page of its own with what was chosen and the current version
        var sent = java.util.Map.of(
                "consents", java.util.Map.of("purpose", "SHARING", "organisationId", office.toString()),
                "guardian", java.util.Map.of("guardianAccountId", guardian.id().toString()),
                "age-assessment", java.util.Map.of("outcome", "CHILD", "assessedOn", yesterday));
        for (var form : sent.entrySet()) {
            var request = post("/cases/{id}/" + form.getKey(), opened.caseId())
                    .with(csrf())
                    .with(as(Role.CASE_MANAGER, office))
                    .param("version", "7");
            form.getValue().forEach(request::param);
            String page = form.getKey().equals("consents") ? "consent" : form.getKey();
            mvc.perform(request)
                    .andExpect(flash().attribute("refused", "form.conflict"))
                    .andExpect(flash().attribute("typed", form.getValue()))
                    .andExpect(redirectedUrl("/cases/" + opened.caseId() + "/forms/" + page + "?version=0"));
        }

        mvc.perform(get("/cases/{id}/forms/consent", opened.caseId())
                        .param("version", "0")
                        .flashAttr("refused", "form.conflict")
                        .flashAttr("typed", sent.get("consents"))
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("id=\"refused\"")))
                .andExpect(content().string(containsString("value=\"SHARING\" selected=\"selected\"")))
                .andExpect(content().string(containsString("value=\"" + office + "\" selected=\"selected\"")))
                .andExpect(content().string(not(containsString("value=\"ASSISTANCE\" selected"))));
        mvc.perform(get("/cases/{id}/forms/guardian", opened.caseId())
                        .param("version", "0")
                        .flashAttr("typed", sent.get("guardian"))
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("value=\"" + guardian.id() + "\" selected=\"selected\"")));
        mvc.perform(get("/cases/{id}/forms/age-assessment", opened.caseId())
                        .param("version", "0")
                        .flashAttr("typed", sent.get("age-assessment"))
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("value=\"CHILD\" selected=\"selected\"")))
                .andExpect(
                        content().string(containsString("name=\"assessedOn\" required value=\"" + yesterday + "\"")));
        // opened from the case page, nothing was typed: the age assessment is dated today
        mvc.perform(get("/cases/{id}/forms/age-assessment", opened.caseId())
                        .param("version", "0")
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(content().string(containsString("required value=\"" + LocalDate.now(clock) + "\"")))
                .andExpect(content().string(not(containsString("selected=\"selected\""))));
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
    void caseManagerChangesTheProfileAddsAnEventAndClosesTheCase() throws Exception {
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
        mvc.perform(post("/cases/{id}/events", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("type", "Transit")
                        .param("occurredOn", LocalDate.now(clock).plusDays(2).toString())
                        .param("country", "ROU")
                        .param("description", "Crossed by bus at night")
                        .param("version", "1"))
                .andExpect(flash().attribute("refused", "caseRule.eventDateInFuture"))
                .andExpect(redirectedUrl("/cases/" + opened.caseId() + "/forms/event?version=1"));
        // the refused form comes back with the message and everything typed in it: nothing is lost
        mvc.perform(get("/cases/{id}/forms/event", opened.caseId())
                        .param("version", "1")
                        .flashAttr("refused", "caseRule.eventDateInFuture")
                        .flashAttr(
                                "typed",
                                java.util.Map.of(
                                        "type", "Transit",
                                        "occurredOn",
                                                LocalDate.now(clock).plusDays(2).toString(),
                                        "country", "ROU",
                                        "description", "Crossed by bus at night"))
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refused\"")))
                .andExpect(content().string(containsString(">Crossed by bus at night</textarea>")))
                .andExpect(content().string(containsString("value=\"ROU\" selected>")))
                .andExpect(content().string(containsString("value=\"Transit\" selected=\"selected\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        // a form sent against an older version of the case comes back with the current one
        mvc.perform(post("/cases/{id}/events", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("type", "Transit")
                        .param("occurredOn", LocalDate.now(clock).minusDays(2).toString())
                        .param("description", "Crossed by bus at night")
                        .param("version", "0"))
                .andExpect(flash().attribute("refused", "form.conflict"))
                .andExpect(redirectedUrl("/cases/" + opened.caseId() + "/forms/event?version=1"));
        mvc.perform(post("/cases/{id}/close", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("reason", "PERSON_WITHDREW")
                        .param("version", "1"))
                .andExpect(flash().attribute("refused", "case.close.notConfirmed"));
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

    @Test
    void eachReaderSeesTheActionsTheirGrantsAllowAndAClosedCaseOffersNone() throws Exception {
        var opened = referAdult();
        String[] caseWork = {"open-event", "open-consent", "change-profile", "close-case"};

        var manager = casePage(opened, Role.CASE_MANAGER);
        assertThat(manager).contains(ids(caseWork)).contains(ids("criminal-justice-link"));
        assertThat(manager).doesNotContain(ids("record-preliminary"));

        var officer = casePage(opened, Role.IDENTIFICATION_OFFICER);
        assertThat(officer).contains(ids("record-preliminary", "criminal-justice-link"));
        assertThat(officer).doesNotContain(ids(caseWork));

        mvc.perform(post("/cases/{id}/close", opened.caseId())
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office))
                        .param("reason", "PERSON_WITHDREW")
                        .param("version", "0")
                        .param("confirmed", "true"))
                .andExpect(flash().attribute("flash", "case.flash.closed"));
        var closed = casePage(opened, Role.CASE_MANAGER);
        assertThat(closed).doesNotContain(ids(caseWork)).doesNotContain(ids("record-preliminary"));
        assertThat(closed).contains(ids("criminal-justice-link"));
        var closedForOfficer = casePage(opened, Role.IDENTIFICATION_OFFICER);
        assertThat(closedForOfficer).doesNotContain(ids("record-preliminary"));
    }

    private String casePage(OpenedCase opened, Role reader) throws Exception {
        return mvc.perform(get("/cases/{id}", opened.caseId()).with(as(reader, office)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String[] ids(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> "id=\"" + id + "\"").toArray(String[]::new);
    }
}
