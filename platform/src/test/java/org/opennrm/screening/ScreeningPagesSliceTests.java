package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.Pages;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The screening pages as a web slice ({@link PagesSlice}): the controller, the platform's security and the layout run
 * with the shipped checklists, catalogues, question texts and the default combination rule; the screenings service is a
 * stand-in that assesses with that rule and keeps what it screened in memory. The web layer's part: who reaches the
 * pages, the checklist as one page in the reader's language, answers that are not yes, no or don't know refused on the
 * form before anything is screened, and the result page saying what the rule found and that it is no decision. That the
 * screening is stored, audited, announced and confined to its organisation is {@code ScreeningWebTests}'; the rule
 * itself is {@code ScreeningRuleTests}'.
 */
@PagesSlice
class ScreeningPagesSliceTests {

    static final UUID ORGANISATION = UUID.randomUUID();

    static final Catalogues CATALOGUES = new Catalogues();
    static final Checklists CHECKLISTS = new Checklists(CATALOGUES);
    static final ScreeningRule RULE = RuleSettings.defaults().rule();

    @Autowired
    MockMvc mvc;

    @Autowired
    Screenings screenings;

    @Autowired
    MessageSource messages;

    /** What the stand-in screened, by id: its "database". */
    final Map<ScreeningId, ScreeningSummary> screened = new ConcurrentHashMap<>();

    @BeforeEach
    void theShippedChecklistsAndTheDefaultRule() {
        when(screenings.checklists()).thenReturn(CHECKLISTS.all());
        when(screenings.checklist(anyString())).thenAnswer(asked -> CHECKLISTS.find(asked.getArgument(0)));
        when(screenings.checklist(anyString(), anyString())).thenAnswer(asked -> CHECKLISTS
                .find(asked.getArgument(0))
                .filter(checklist -> checklist.version().equals(asked.getArgument(1))));
        when(screenings.catalogues()).thenReturn(CATALOGUES.all());
        when(screenings.ruleVersion()).thenReturn(RULE.version());
        when(screenings.ruleVerification()).thenReturn(RULE.verification());
        when(screenings.ageUnknownAs()).thenReturn(RULE.ageUnknownAs());
        when(screenings.screen(any(ScreeningRequest.class))).thenAnswer(asked -> {
            var summary = assessed(asked.getArgument(0), ORGANISATION);
            screened.put(summary.id(), summary);
            return summary;
        });
        when(screenings.find(any())).thenAnswer(asked -> Optional.ofNullable(screened.get(asked.getArgument(0))));
    }

    /**
     * What the service answers for a request from {@code organisation}: assessed by the default rule with the shipped
     * checklist (also the API slice's).
     */
    static ScreeningSummary assessed(ScreeningRequest request, UUID organisation) {
        var checklist = CHECKLISTS.find(request.checklist()).orElseThrow();
        return new ScreeningSummary(
                ScreeningId.random(),
                checklist.id(),
                checklist.version(),
                CATALOGUES.operational().version(),
                RULE.version(),
                RULE.verification(),
                request.ageGroup(),
                request.forms(),
                request.answers(),
                RULE.assess(checklist, request.answers(), request.ageGroup(), request.forms(), CATALOGUES),
                UUID.randomUUID(),
                organisation,
                Instant.parse("2026-04-01T09:00:00Z"));
    }

    MockHttpServletRequestBuilder illustrationOne() {
        return illustrationOne(ORGANISATION);
    }

    /**
     * Illustration 1 of the rule notes, with the threat of being reported: a suggested referral, sent by a referrer of
     * {@code organisationId} (also {@code ScreeningWebTests}' screening).
     */
    static MockHttpServletRequestBuilder illustrationOne(UUID organisationId) {
        return post("/screening/labour-inspection")
                .with(as(Role.REFERRER, organisationId))
                .with(csrf())
                .param("ageGroup", "ADULT")
                .param("forms", "LABOUR_EXPLOITATION")
                .param("q.LI01", "YES")
                .param("q.LI02", "YES")
                .param("q.LI05", "YES")
                .param("q.LI06", "YES")
                .param("q.LI10", "YES")
                .param("q.LI14", "YES")
                .param("q.LI03", "NO")
                .param("q.LI04", "DONT_KNOW");
    }

    String resultOf(MockHttpServletRequestBuilder screening) throws Exception {
        return mvc.perform(screening)
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/screening/results/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void aReferrerChoosesAmongTheSectorChecklistsAndSeesTheCataloguesWithTheirVerification() throws Exception {
        mvc.perform(get("/screening").with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/screening/labour-inspection\"")))
                .andExpect(content().string(containsString("href=\"/screening/border\"")))
                .andExpect(content().string(containsString("ilo-ec-2009/r1")))
                .andExpect(content().string(containsString("unverified")))
                .andExpect(content().string(containsString("sexual exploitation of adults and of children")))
                .andExpect(content().string(containsString("href=\"/screening\"")));
    }

    @Test
    void theChecklistIsOnePageWithYesNoAndDontKnowForEveryQuestionAndALabelForEachChoice() throws Exception {
        mvc.perform(get("/screening/labour-inspection").with(as(Role.CASE_MANAGER, ORGANISATION)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"q.LI01\"")))
                .andExpect(content().string(containsString("id=\"q-LI15-DONT_KNOW\"")))
                .andExpect(content().string(containsString("for=\"q-LI15-DONT_KNOW\"")))
                .andExpect(content().string(containsString("name=\"ageGroup\"")))
                .andExpect(content().string(containsString("value=\"SEXUAL_EXPLOITATION\"")))
                .andExpect(content().string(containsString("width=device-width")))
                .andExpect(content().string(containsString("assessed as a child until their age is established")))
                .andExpect(content().string(containsString("Is their pay much lower than they were promised")));
    }

    @Test
    void theChecklistSpeaksFrenchAndRussian() throws Exception {
        mvc.perform(get("/screening/health")
                        .with(as(Role.REFERRER, ORGANISATION))
                        .locale(Locale.FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Je ne sais pas")))
                .andExpect(content().string(containsString("Santé")));
        mvc.perform(get("/screening/health")
                        .with(as(Role.REFERRER, ORGANISATION))
                        .locale(Locale.of("ru")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Не знаю")));
    }

    @Test
    void theResultShowsTheSuggestionWithItsReasonsTheVersionsAndTheWayToRefer() throws Exception {
        String location = resultOf(illustrationOne());
        String id = location.substring(location.lastIndexOf('/') + 1);
        verify(screenings)
                .screen(new ScreeningRequest(
                        "labour-inspection",
                        Map.of(
                                "LI01", Answer.YES,
                                "LI02", Answer.YES,
                                "LI05", Answer.YES,
                                "LI06", Answer.YES,
                                "LI10", Answer.YES,
                                "LI14", Answer.YES,
                                "LI03", Answer.NO,
                                "LI04", Answer.DONT_KNOW),
                        AgeGroup.ADULT,
                        java.util.Set.of(ExploitationForm.LABOUR_EXPLOITATION)));

        mvc.perform(get(location).with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Indicators suggest that this person may be a presumed victim")))
                .andExpect(content().string(containsString("not a decision")))
                .andExpect(content().string(containsString("href=\"/referrals/new?screening=" + id + "\"")))
                .andExpect(content().string(containsString("id=\"caution-UNVERIFIED_RULE\"")))
                .andExpect(content().string(containsString("AL-CD-11: threatened with being reported to authorities")))
                .andExpect(content().string(containsString("1 strong")))
                .andExpect(content()
                        .string(containsString("labour-inspection/r1 · ilo-ec-2009/r1 · ilo-ec-2009/rules-r1")));
    }

    @Test
    void noAnswersSuggestNoReferralAndSayThatThisIsNoFinding() throws Exception {
        String location = resultOf(post("/screening/education")
                .with(as(Role.REFERRER, ORGANISATION))
                .with(csrf())
                .param("q.ED04", "YES"));

        mvc.perform(get(location).with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No referral suggested on these answers")))
                .andExpect(content().string(containsString("does not mean that the person is not a victim")))
                .andExpect(content().string(containsString("id=\"caution-AGE_UNKNOWN_ASSESSED_AS_CHILD\"")))
                .andExpect(content().string(containsString("13 questions were answered")))
                .andExpect(content().string(containsString("id=\"refer\"")));
    }

    @Test
    void anAnswerThatIsNotYesNoOrDontKnowShowsTheFormAgainAndScreensNothing() throws Exception {
        String page = mvc.perform(post("/screening/border")
                        .with(as(Role.REFERRER, ORGANISATION))
                        .with(csrf())
                        .param("q.BO01", "YES")
                        .param("q.BO02", "PERHAPS"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"form-errors\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the answers given are kept on the form
        assertThat(page).containsPattern("id=\"q-BO01-YES\"\\s+value=\"YES\"\\s+checked");
        verify(screenings, never()).screen(any(ScreeningRequest.class));
    }

    @Test
    void anUnknownChecklistOrScreeningIsNotFound() throws Exception {
        mvc.perform(get("/screening/astrology").with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/screening/astrology")
                        .with(as(Role.REFERRER, ORGANISATION))
                        .with(csrf())
                        .param("q.AS01", "YES"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/screening/results/{id}", UUID.randomUUID()).with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("presumed victim"))));
        verify(screenings, never()).screen(any(ScreeningRequest.class));
    }

    @Test
    void onlyRolesThatScreenReachTheScreeningPages() throws Exception {
        mvc.perform(get("/screening").with(as(Role.STATISTICIAN, ORGANISATION))).andExpect(status().isForbidden());
        mvc.perform(get("/screening/health").with(as(Role.STATISTICIAN, ORGANISATION)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/screening/health")
                        .with(as(Role.SERVICE_PROVIDER, ORGANISATION))
                        .with(csrf())
                        .param("q.HE01", "YES"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/screening/results/{id}", UUID.randomUUID()).with(as(Role.SERVICE_PROVIDER, ORGANISATION)))
                .andExpect(status().isForbidden());
        verify(screenings, never()).screen(any(ScreeningRequest.class));
        verify(screenings, never()).find(any());
    }

    /** The reason under the form's message on a refused checklist page. */
    org.jsoup.nodes.Element problem(MockHttpServletRequestBuilder request) throws Exception {
        var problem = Pages.page(mvc, request, 400).getElementById("form-problem");
        assertThat(problem).as("the refusal's reason on the page").isNotNull();
        return problem;
    }

    MockHttpServletRequestBuilder border() {
        return post("/screening/border")
                .with(as(Role.REFERRER, ORGANISATION))
                .with(csrf())
                .param("q.BO01", "YES");
    }

    @Test
    void anAnswerAnAgeGroupOrAFormThatCannotBeReadIsNamedInTheReadersLanguage() throws Exception {
        var answer = problem(border().header("Accept-Language", "fr").param("q.BO02", "PERHAPS"));
        assertThat(answer.text())
                .isEqualTo("« PERHAPS » n'est pas une réponse à une question de cette liste :"
                        + " répondez Oui, Non ou Je ne sais pas.");
        assertThat(answer.hasAttr("lang")).as("in the page's language").isFalse();
        assertThat(problem(border().header("Accept-Language", "fr").param("ageGroup", "TEEN"))
                        .text())
                .isEqualTo("« TEEN » n'est pas une tranche d'âge : choisissez Adulte, Enfant ou Âge inconnu.");
        assertThat(problem(border().header("Accept-Language", "fr").param("forms", "PIRACY"))
                        .text())
                .isEqualTo("« PIRACY » n'est pas une forme d'exploitation : choisissez les formes dans la liste.");
        // without a language asked for, in English
        assertThat(problem(border().param("q.BO02", "PERHAPS")).text())
                .isEqualTo(
                        "\"PERHAPS\" is not an answer to a question of this checklist: answer Yes, No or Don't know.");
        verify(screenings, never()).screen(any(ScreeningRequest.class));
    }

    @Test
    void aChecklistOrQuestionThatIsNotThereIsNamedInTheReadersLanguage() {
        // refused by the service (the offline app shows these too): in the reader's words, English for the API
        var unknown = new ChecklistUnknown("astrology");
        assertThat(unknown.words(messages, Locale.FRENCH)).isEqualTo("Il n'existe pas de liste « astrology ».");
        assertThat(unknown.words(messages, Locale.ENGLISH)).isEqualTo(unknown.getMessage());
        var version = ChecklistUnknown.version("outreach", "outreach/r999");
        assertThat(version.words(messages, Locale.GERMAN))
                .isEqualTo("Die Checkliste „outreach“ hat keine Version „outreach/r999“.");
        assertThat(version.words(messages, Locale.ENGLISH)).isEqualTo(version.getMessage());
        var question = AnswerInvalid.unknownQuestion("outreach", "OU99");
        assertThat(question.words(messages, Locale.ITALIAN))
                .startsWith("Una domanda a cui ha risposto non è in questa lista")
                .doesNotContain("OU99");
        assertThat(question.getMessage()).isEqualTo("Checklist \"outreach\" has no question \"OU99\".");
    }
}
