package org.opennrm.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.Pages.withoutTokens;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.Pages;
import org.opennrm.PagesSlice;
import org.opennrm.RecordNotFound;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseFile;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleFixtures;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseSummaryLine;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.Consent;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.GuardianChoice;
import org.opennrm.cases.queue.QueuePages;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationFixtures;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The queue, the case page and its forms as a web slice ({@link PagesSlice}): case management is a stand-in that
 * answers with cases built by the aggregate itself ({@link CaseFixtures}). The web layer's part: who reaches which
 * page and form, what the case page shows and offers given the case it reads, which call each form makes, and where a
 * refusal sends the person with what they typed. What a case allows is the aggregate's rule ({@code CaseTests}); that
 * the database refuses a stale version or confines a guardian to their child is {@code CasesModuleTests}' and
 * {@code CasesWebTests}'.
 */
@PagesSlice
class CasePagesSliceTests {

    static final UUID OFFICE = UUID.randomUUID();
    static final UUID PANEL = UUID.randomUUID();
    static final UUID INSPECTORATE = UUID.randomUUID();
    static final String TODAY =
            LocalDate.ofInstant(PagesSlice.NOW, java.time.ZoneOffset.UTC).toString();

    @Autowired
    org.thymeleaf.spring6.SpringTemplateEngine templates;

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    QueuePages queuePages;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    CodeLists codeLists;

    Case details;

    @BeforeEach
    void anOpenAdultCase() {
        details = CaseFixtures.openedAdultCase();
        reads(details);
        when(cases.codeLists()).thenReturn(codeLists);
        when(cases.referenceOf(details.id())).thenReturn(details.reference());
        when(cases.summary(details.id()))
                .thenReturn(Optional.of(
                        new CaseSummaryLine(details.id(), details.reference(), CaseStatus.OPEN, details.stage(), 1)));
    }

    private void reads(Case shown) {
        var person = shown.ageCategory() == AgeCategory.ADULT ? CaseFixtures.adult() : CaseFixtures.child();
        when(cases.read(shown.id())).thenReturn(new CaseFile(shown, person));
    }

    private String path(String tail) {
        return "/cases/" + details.id().value() + tail;
    }

    private String page(Case shown, Role reader) throws Exception {
        return mvc.perform(get("/cases/{id}", shown.id().value()).with(as(reader, OFFICE)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    // --- the queue

    @Test
    void aReferenceLeadsToItsCaseOneThatMatchesNoCaseIsSaidAboveTheQueueAndAReferrerIsRefused() throws Exception {
        when(cases.findByReference(details.reference())).thenReturn(Optional.of(details.id()));
        when(queuePages.lists(eq(0), any(), any(), any())).thenReturn("<table id=\"queue\"></table>");

        mvc.perform(get("/cases/queue").param("reference", details.reference()).with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(redirectedUrl("/cases/" + details.id()));
        mvc.perform(get("/cases/queue").param("reference", "NRM-1999-000000").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reference-not-found\"")))
                .andExpect(content().string(containsString("<table id=\"queue\">")));
        // after a search the lists are rendered for this request, never taken from (or kept as) the shared page
        verify(queuePages, never()).kept(anyInt(), any());
        verify(queuePages, never()).listsOfPageToKeep(anyInt(), any(), any(), any());

        mvc.perform(get("/cases/queue").with(as(Role.REFERRER, INSPECTORATE))).andExpect(status().isForbidden());
        verify(queuePages, never()).kept(anyInt(), any());
    }

    // --- the case page

    @Test
    void theCasePageShowsPersonConsentProfileAndDeadlinesInWords() throws Exception {
        assertThat(page(details, Role.CASE_MANAGER))
                .contains(details.reference())
                .contains("Testa Example")
                .contains("Moldova")
                .contains("Romanian")
                .contains("Exploitation: Germany")
                .contains("Forced labour")
                .contains("Debt bondage")
                .contains("Preliminary decision due")
                .contains("Sharing with a named organisation")
                .doesNotContain("id=\"record-preliminary\"")
                .doesNotContain(">ForcedLabour<");
    }

    @Test
    void theCasePageSpeaksFrench() throws Exception {
        mvc.perform(get(path("")).param("lang", "fr").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Décision préliminaire attendue")))
                .andExpect(content().string(containsString("Travail forcé")));
    }

    @Test
    void aCaseTheReaderMayNotReadOrThatDoesNotExistIsNotFound() throws Exception {
        var unknown = UUID.randomUUID();
        when(cases.read(CaseId.of(unknown))).thenThrow(new RecordNotFound("case", unknown));

        mvc.perform(get("/cases/{id}", unknown).with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(unknown.toString()))));
    }

    @Test
    void eachReaderSeesTheActionsTheirGrantsAllowAndAClosedCaseOffersNone() throws Exception {
        String[] caseWork = ids("open-event", "open-consent", "change-profile", "close-case");

        var manager = page(details, Role.CASE_MANAGER);
        assertThat(manager).contains(caseWork).contains(ids("criminal-justice-link"));
        assertThat(manager).doesNotContain(ids("record-preliminary"));

        var officer = page(details, Role.IDENTIFICATION_OFFICER);
        assertThat(officer).contains(ids("record-preliminary", "criminal-justice-link"));
        assertThat(officer).doesNotContain(caseWork);

        var closedCase = CaseFixtures.closedAdultCase();
        reads(closedCase);
        var closed = page(closedCase, Role.CASE_MANAGER);
        assertThat(closed).doesNotContain(caseWork).doesNotContain(ids("record-preliminary"));
        assertThat(closed).contains(ids("criminal-justice-link")).contains("The person withdrew");
        assertThat(page(closedCase, Role.IDENTIFICATION_OFFICER)).doesNotContain(ids("record-preliminary"));
    }

    @Test
    void theLinksToTheCasesOtherPagesAndTheErasureFollowTheReadersGrants() throws Exception {
        String[] readersOfAll = ids("documents-link", "notes-link", "person-texts-link");
        String[] erasure = ids("erasure", "legal-hold-toggle", "erase");

        assertThat(page(details, Role.CASE_MANAGER)).contains(readersOfAll).doesNotContain(erasure);
        // the co-ordinator manages retention: erasure and the legal hold are on the case page
        assertThat(page(details, Role.COORDINATOR)).contains(readersOfAll).contains(erasure);
        // a guardian reads their child's documents, not the case notes or the texts for the person
        assertThat(page(details, Role.GUARDIAN))
                .contains(ids("documents-link"))
                .doesNotContain(ids("notes-link", "person-texts-link"))
                .doesNotContain(erasure);
    }

    /**
     * The case page rendered from templates whose labels are filled in per language (PrefilledLabels) is the page
     * rendered by Thymeleaf from the templates as they are, character for character, for readers with different
     * grants, in three languages, for an adult's, a child's and a closed case.
     */
    @Test
    void theCasePageIsTheSameWithItsLabelsFilledInOrNot() throws Exception {
        var child = CaseFixtures.assessedAsChild(CaseFixtures.childCaseAgeInDoubt(UUID.randomUUID()), "Summary & more");
        var closed = CaseFixtures.closedAdultCase();
        reads(child);
        reads(closed);
        int compared = 0;
        for (Case shown : List.of(details, child, closed)) {
            for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("ru"))) {
                for (Role reader : List.of(Role.CASE_MANAGER, Role.COORDINATOR, Role.GUARDIAN)) {
                    String filled = page(shown, reader, language);
                    String asItWas = Pages.withoutPrefilledLabels(() -> page(shown, reader, language));
                    assertThat(withoutTokens(filled))
                            .as("%s for %s in %s", shown.reference(), reader, language)
                            .isEqualTo(withoutTokens(asItWas));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(27);
        // and they were filled in: the engine keeps the case page's template in each of the languages
        var kept = templates.getCacheManager().getTemplateCache().keySet().stream()
                .filter(key -> key.getTemplate().equals("cases/case-details"))
                .map(key -> key.getTemplateResolutionAttributes() == null
                        ? "as it is"
                        : String.valueOf(key.getTemplateResolutionAttributes().get("opennrm.labels.language")))
                .toList();
        assertThat(kept).contains("as it is", "en", "fr", "ru");
    }

    /**
     * Every Spring expression the case page evaluates is compiled to bytecode after its first hundred evaluations,
     * except the bean references (the layout's frame, the sharing overrides, the legal hold), which Spring cannot
     * compile. What Spring cannot compile is interpreted on every page: a string joined to an enum or an id,
     * {@code and} or {@code !} on model variables. About twenty such expressions a page were 9.4 % of the JVM's samples
     * with the work they call (bench/identification/README-identification.md); they are written so that they compile
     * ({@code .name()}, {@code .toString()}, Thymeleaf's own {@code ${a} and ${b}} and {@code not ${held}}). An
     * expression interpreted on every one of the pages below grows by at least their number, more than the hundred
     * and one evaluations after which a compilable one stops growing.
     */
    @Test
    void theCasePagesExpressionsAreCompiledButItsBeanReferences() throws Exception {
        var decided = CaseFixtures.decidedAndReviewedAdultCase();
        var child = CaseFixtures.assessedAsChild(CaseFixtures.childCaseAgeInDoubt(UUID.randomUUID()), "Summary");
        reads(decided);
        reads(child);
        var before = interpretedCounts();
        int rounds = 120;
        for (int round = 0; round < rounds; round++) {
            for (Case shown : List.of(decided, child)) {
                for (Role reader : List.of(Role.CASE_MANAGER, Role.IDENTIFICATION_OFFICER, Role.COORDINATOR)) {
                    page(shown, reader, Locale.ENGLISH);
                }
            }
        }
        var interpretedEveryTime = interpretedCounts().entrySet().stream()
                .filter(counted -> counted.getValue() - before.getOrDefault(counted.getKey(), 0) >= rounds)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(interpretedEveryTime)
                .containsExactlyInAnyOrder(
                        "@navigation.frame()",
                        "@serviceReferrals.overridesOf(details.id())",
                        "@erasure.onHold(details.id())");
    }

    /**
     * How often each Spring expression in Thymeleaf's expression cache was interpreted. Thymeleaf keeps Spring's
     * {@code SpelExpression} in a private holder and Spring its count in a private field; read by reflection, for this
     * test only (the versions are pinned in the pom, and a change of either shows here as an error, not a pass).
     */
    private Map<String, Integer> interpretedCounts() throws ReflectiveOperationException {
        var cache = templates.getConfiguration().getCacheManager().getExpressionCache();
        var counted = new HashMap<String, Integer>();
        var counter = SpelExpression.class.getDeclaredField("interpretedCount");
        counter.setAccessible(true);
        for (var key : cache.keySet()) {
            Object held = cache.get(key);
            if (held != null && held.getClass().getName().endsWith("$ComputedSpelExpression")) {
                var inside = held.getClass().getDeclaredField("expression");
                inside.setAccessible(true);
                var expression = (SpelExpression) inside.get(held);
                counted.merge(
                        expression.getExpressionString(),
                        ((AtomicInteger) counter.get(expression)).get(),
                        Integer::sum);
            }
        }
        return counted;
    }

    private String page(Case shown, Role reader, Locale language) throws Exception {
        return mvc.perform(
                        get("/cases/{id}", shown.id().value()).locale(language).with(as(reader, OFFICE)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void closingAsksForTheBoxToBeTickedAndThenClosesWithTheReasonAndVersionSent() throws Exception {
        mvc.perform(post(path("/close"))
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("reason", "PERSON_WITHDREW")
                        .param("version", "1"))
                .andExpect(flash().attribute("refused", "case.close.notConfirmed"))
                .andExpect(redirectedUrl(path("")));
        verify(cases, never()).close(any(), any(), any());

        mvc.perform(post(path("/close"))
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("reason", "PERSON_WITHDREW")
                        .param("version", "1")
                        .param("confirmed", "true"))
                .andExpect(flash().attribute("flash", "case.flash.closed"))
                .andExpect(redirectedUrl(path("")));
        verify(cases).close(details.id(), 1, ClosureReason.PERSON_WITHDREW);

        mvc.perform(post(path("/close"))
                        .with(csrf())
                        .with(as(Role.IDENTIFICATION_OFFICER, PANEL))
                        .param("reason", "PERSON_WITHDREW")
                        .param("confirmed", "true"))
                .andExpect(status().isForbidden());
    }

    // --- consent

    @Test
    void eachConsentInForceHasAWithdrawButtonThatWithdrawsItAndAWithdrawnOneHasNone() throws Exception {
        String shown = page(details, Role.CASE_MANAGER);
        var button = Pattern.compile("<button\\s+type=\"submit\"\\s+form=\"withdraw-consent\"\\s+name=\"consent\"\\s+"
                        + "value=\"([0-9a-f-]{36})\"")
                .matcher(shown);
        assertThat(button.find()).as("a withdraw button in the page").isTrue();
        assertThat(shown)
                .containsPattern("<form\\s+id=\"withdraw-consent\"\\s+method=\"post\"\\s+action=\"/cases/"
                        + details.id().value() + "/consents/withdraw\">")
                .contains("name=\"_csrf\"");
        var consent = UUID.fromString(button.group(1));
        assertThat(details.consents()).extracting(Consent::id).contains(consent);

        mvc.perform(post(path("/consents/withdraw"))
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("consent", consent.toString())
                        .param("version", "0"))
                .andExpect(flash().attribute("flash", "consent.flash.withdrawn"))
                .andExpect(redirectedUrl(path("")));
        verify(cases).withdrawConsent(details.id(), 0, consent);

        // after the withdrawal the consent is still listed, without its button
        var withdrawn = CaseFixtures.openedAdultCase();
        var gone = withdrawn.consents().stream()
                .filter(Consent::inForce)
                .findFirst()
                .orElseThrow()
                .id();
        reads(CaseFixtures.withConsentWithdrawn(withdrawn, gone));
        assertThat(page(withdrawn, Role.CASE_MANAGER))
                .contains("id=\"consent-" + gone + "\"")
                .doesNotContain("value=\"" + gone + "\"");

        // the same button sent again (from a page opened before) finds the consent no longer in force
        doThrow(CaseRuleFixtures.consentNotInForce()).when(cases).withdrawConsent(details.id(), null, consent);
        mvc.perform(post(path("/consents/withdraw"))
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("consent", consent.toString()))
                .andExpect(flash().attribute("refused", "caseRule.consentNotInForce"))
                .andExpect(redirectedUrl(path("")));
    }

    @Test
    void aConsentIsWithdrawnByPurposeAndOrganisationAsAFormElsewhereAsksAndARefusalIsSaid() throws Exception {
        mvc.perform(post(path("/consents/withdraw"))
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("purpose", "SHARING")
                        .param("organisationId", OFFICE.toString())
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "consent.flash.withdrawn"));
        verify(cases).withdrawConsent(details.id(), 0, ConsentPurpose.SHARING, OFFICE);

        doThrow(CaseRuleFixtures.consentNotInForce())
                .when(cases)
                .withdrawConsent(details.id(), null, ConsentPurpose.SHARING, OFFICE);
        mvc.perform(post(path("/consents/withdraw"))
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("purpose", "SHARING")
                        .param("organisationId", OFFICE.toString()))
                .andExpect(flash().attribute("refused", "caseRule.consentNotInForce"));
        mvc.perform(post(path("/consents/withdraw"))
                        .with(csrf())
                        .with(as(Role.REFERRER, INSPECTORATE))
                        .param("purpose", "SHARING"))
                .andExpect(status().isForbidden());
    }

    // --- the children's procedure

    @Test
    void aChildsCaseShowsTheGuardianAndTakesTheBestInterestsAndAgeAssessments() throws Exception {
        var guardian = UUID.randomUUID();
        var child = CaseFixtures.childCaseAgeInDoubt(guardian);
        reads(child);
        var childId = child.id().value();
        when(accounts.displayNames(any())).thenReturn(Map.of(guardian, "Gina Guardian"));
        when(cases.guardians()).thenReturn(List.of(new GuardianChoice(guardian, "Gina Guardian")));

        assertThat(page(child, Role.CASE_MANAGER))
                .contains("Age in doubt")
                .contains("Gina Guardian")
                .contains(ids("open-best-interests", "open-guardian"))
                .doesNotContain(ids("record-best-interests"));
        // the form, fetched when the case manager opens it: with the version the case page showed
        mvc.perform(get("/cases/{id}/forms/best-interests", childId)
                        .param("version", "0")
                        .header("HX-Request", "true")
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"record-best-interests\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/cases/{id}/forms/guardian", childId)
                        .param("version", "0")
                        .header("HX-Request", "true")
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(content().string(containsString("Gina Guardian")))
                .andExpect(content().string(containsString("id=\"appoint-guardian\"")));
        mvc.perform(post("/cases/{id}/best-interests", childId)
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("assessedOn", TODAY)
                        .param("summary", "Placement with a foster family near the school")
                        .param("version", "0"))
                .andExpect(flash().attribute("flash", "bestInterests.flash.recorded"));
        verify(cases)
                .recordBestInterests(
                        child.id(), 0, LocalDate.parse(TODAY), "Placement with a foster family near the school");
        mvc.perform(post("/cases/{id}/age-assessment", childId)
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("outcome", "CHILD")
                        .param("assessedOn", TODAY)
                        .param("version", "1"))
                .andExpect(flash().attribute("flash", "ageAssessment.flash.recorded"));
        verify(cases).recordAgeAssessment(child.id(), 1, AgeCategory.CHILD, LocalDate.parse(TODAY));

        var assessed = CaseFixtures.assessedAsChild(child, "Placement with a foster family near the school");
        assertThat(page(assessed, Role.CASE_MANAGER))
                .contains("Placement with a foster family near the school")
                .contains("id=\"case-child\">Child");
    }

    // --- the case page's forms

    @Test
    void theCasePagesFormsOpenOnDemandOrAsPagesOfTheirOwnForTheirWritersOnly() throws Exception {
        assertThat(page(details, Role.CASE_MANAGER))
                .contains(ids("open-event", "open-consent"))
                // the country list (some 250 options) comes with the form, not with every view of the case
                .doesNotContain(ids("country"));
        // without JavaScript: the link inside the closed form leads to it as a page of its own
        mvc.perform(get(path("/forms/event")).param("version", "0").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"back-to-case\"")))
                .andExpect(content().string(containsString(">Add an event</h1>")))
                .andExpect(content().string(containsString("id=\"form-case\">Case " + details.reference() + "<")))
                .andExpect(content().string(containsString("<title>Add an event · " + details.reference())))
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("id=\"add-event\"")))
                .andExpect(content().string(containsString("value=\"MDA\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get(path("/forms/consent"))
                        .param("version", "0")
                        .header("HX-Request", "true")
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(content().string(containsString("id=\"give-consent\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));

        // only for those who may write: a referrer, a guardian or an officer for the case worker's forms; no form
        // that does not exist
        mvc.perform(get(path("/forms/event")).with(as(Role.REFERRER, INSPECTORATE)))
                .andExpect(status().isForbidden());
        mvc.perform(get(path("/forms/consent")).with(as(Role.IDENTIFICATION_OFFICER, PANEL)))
                .andExpect(status().isForbidden());
        mvc.perform(get(path("/forms/event")).with(as(Role.GUARDIAN, OFFICE))).andExpect(status().isForbidden());
        mvc.perform(get(path("/forms/closure")).with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aConsentGuardianOrAgeAssessmentSentAgainstAnOlderVersionComesBackWithWhatWasChosen() throws Exception {
        var guardian = UUID.randomUUID();
        var shelter = OrganisationFixtures.registered(
                OrganisationFixtures.organisation("Harbour House", Sector.NGO, NrmRole.SERVICE_PROVIDER));
        when(organisations.all()).thenReturn(List.of(shelter));
        when(cases.guardians()).thenReturn(List.of(new GuardianChoice(guardian, "Gina Guardian")));
        var conflict = new OptimisticLockingFailureException("changed");
        doThrow(conflict).when(cases).giveConsent(eq(details.id()), eq(7), any());
        doThrow(conflict).when(cases).appointGuardian(details.id(), 7, guardian);
        doThrow(conflict).when(cases).recordAgeAssessment(eq(details.id()), eq(7), eq(AgeCategory.CHILD), any());
        String yesterday = LocalDate.parse(TODAY).minusDays(1).toString();
        // each refused with the conflict message, and back to the form as a page of its own with what was chosen
        // and the case's current version
        var sent = Map.of(
                "consents",
                        Map.of(
                                "purpose",
                                "SHARING",
                                "organisationId",
                                shelter.id().toString()),
                "guardian", Map.of("guardianAccountId", guardian.toString()),
                "age-assessment", Map.of("outcome", "CHILD", "assessedOn", yesterday));
        for (var form : sent.entrySet()) {
            var request = post(path("/" + form.getKey()))
                    .with(csrf())
                    .with(as(Role.CASE_MANAGER, OFFICE))
                    .param("version", "7");
            form.getValue().forEach(request::param);
            String page = form.getKey().equals("consents") ? "consent" : form.getKey();
            mvc.perform(request)
                    .andExpect(flash().attribute("refused", "form.conflict"))
                    .andExpect(flash().attribute("typed", form.getValue()))
                    .andExpect(redirectedUrl(path("/forms/" + page + "?version=1")));
        }

        mvc.perform(get(path("/forms/consent"))
                        .param("version", "1")
                        .flashAttr("refused", "form.conflict")
                        .flashAttr("typed", sent.get("consents"))
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(content().string(containsString("id=\"refused\"")))
                .andExpect(content().string(containsString("value=\"SHARING\" selected=\"selected\"")))
                .andExpect(content().string(containsString("value=\"" + shelter.id() + "\" selected=\"selected\"")))
                .andExpect(content().string(not(containsString("value=\"ASSISTANCE\" selected"))));
        mvc.perform(get(path("/forms/guardian"))
                        .param("version", "1")
                        .flashAttr("typed", sent.get("guardian"))
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(content().string(containsString("value=\"" + guardian + "\" selected=\"selected\"")));
        mvc.perform(get(path("/forms/age-assessment"))
                        .param("version", "1")
                        .flashAttr("typed", sent.get("age-assessment"))
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(content().string(containsString("value=\"CHILD\" selected=\"selected\"")))
                .andExpect(
                        content().string(containsString("name=\"assessedOn\" required value=\"" + yesterday + "\"")));
        // opened from the case page, nothing was typed: the age assessment is dated today
        mvc.perform(get(path("/forms/age-assessment")).param("version", "1").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(content().string(containsString("required value=\"" + TODAY + "\"")))
                .andExpect(content().string(not(containsString("selected=\"selected\""))));
    }

    @Test
    void aRefusedEventComesBackOnItsFormWithTheMessageAndEverythingTyped() throws Exception {
        String later = LocalDate.parse(TODAY).plusDays(2).toString();
        doThrow(CaseRuleFixtures.eventDateInFuture()).when(cases).addEvent(eq(details.id()), eq(1), any());
        mvc.perform(post(path("/events"))
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("type", "Transit")
                        .param("occurredOn", later)
                        .param("country", "ROU")
                        .param("description", "Crossed by bus at night")
                        .param("version", "1"))
                .andExpect(flash().attribute("refused", "caseRule.eventDateInFuture"))
                .andExpect(flash().attribute(
                                "typed",
                                Map.of(
                                        "type",
                                        "Transit",
                                        "occurredOn",
                                        later,
                                        "country",
                                        "ROU",
                                        "description",
                                        "Crossed by bus at night")))
                .andExpect(redirectedUrl(path("/forms/event?version=1")));
        mvc.perform(get(path("/forms/event"))
                        .param("version", "1")
                        .flashAttr("refused", "caseRule.eventDateInFuture")
                        .flashAttr(
                                "typed",
                                Map.of(
                                        "type",
                                        "Transit",
                                        "occurredOn",
                                        later,
                                        "country",
                                        "ROU",
                                        "description",
                                        "Crossed by bus at night"))
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refused\"")))
                .andExpect(content().string(containsString(">Crossed by bus at night</textarea>")))
                .andExpect(content().string(containsString("value=\"ROU\" selected>")))
                .andExpect(content().string(containsString("value=\"Transit\" selected=\"selected\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));

        // a form sent against an older version of the case comes back with the current one
        doThrow(new OptimisticLockingFailureException("changed")).when(cases).addEvent(eq(details.id()), eq(0), any());
        mvc.perform(post(path("/events"))
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("type", "Transit")
                        .param("occurredOn", TODAY)
                        .param("description", "Crossed by bus at night")
                        .param("version", "0"))
                .andExpect(flash().attribute("refused", "form.conflict"))
                .andExpect(redirectedUrl(path("/forms/event?version=1")));
    }

    private static String[] ids(String... ids) {
        return Arrays.stream(ids).map(id -> "id=\"" + id + "\"").toArray(String[]::new);
    }
}
