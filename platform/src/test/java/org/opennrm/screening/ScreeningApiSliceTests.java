package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The screening API as a web slice ({@link PagesSlice}): the controller, the platform's security and its problem
 * answers run with the shipped checklists, catalogues, question texts and the default combination rule; the screenings
 * service is a stand-in. The web layer's part: the checklists and catalogues in JSON in the language asked, a
 * screening's answer with its location, suggestion and reasons (created once, answered again under the same key),
 * answers, age groups and forms that are not known refused before anything is screened, the service's refusal as a
 * problem naming its rule, and who is refused. That a screening is stored, confined to its organisation and refused
 * for an unknown checklist or question is {@code ScreeningApiTests}'.
 */
@PagesSlice
class ScreeningApiSliceTests {

    static final UUID ORGANISATION = UUID.randomUUID();
    static final Catalogues CATALOGUES = ScreeningPagesSliceTests.CATALOGUES;
    static final Checklists CHECKLISTS = ScreeningPagesSliceTests.CHECKLISTS;
    static final ScreeningRule RULE = ScreeningPagesSliceTests.RULE;

    static final String CHILD_WORKER = """
            {"checklist":"labour-inspection","ageGroup":"child","forms":["labour exploitation"],
             "answers":{"LI01":"YES","LI02":"yes","LI05":"YES","LI06":"YES","LI10":"no"}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Screenings screenings;

    @BeforeEach
    void theShippedChecklistsAndCatalogues() {
        when(screenings.checklists()).thenReturn(CHECKLISTS.all());
        when(screenings.checklist(anyString())).thenAnswer(asked -> CHECKLISTS.find(asked.getArgument(0)));
        when(screenings.catalogues()).thenReturn(CATALOGUES.all());
        when(screenings.catalogue(anyString())).thenAnswer(asked -> CATALOGUES.find(asked.getArgument(0)));
    }

    /** What the service answers for a request: assessed by the default rule with the shipped checklist. */
    static ScreeningSummary assessed(ScreeningRequest request) {
        return ScreeningPagesSliceTests.assessed(request, ORGANISATION);
    }

    ResultActions screen(String body) throws Exception {
        return mvc.perform(post("/api/v1/screenings")
                .with(as(Role.REFERRER, ORGANISATION))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void theChecklistsAreListedInTheLanguageAsked() throws Exception {
        mvc.perform(get("/api/v1/screening/checklists").with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id")
                        .value(contains("labour-inspection", "health", "education", "outreach", "border")))
                .andExpect(jsonPath("$[0].version").value("labour-inspection/r1"))
                .andExpect(jsonPath("$[0].title").value("Labour inspection"))
                .andExpect(jsonPath("$[0].questions").value(15));
        mvc.perform(get("/api/v1/screening/checklists")
                        .with(as(Role.REFERRER, ORGANISATION))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(jsonPath("$[0].title").value("Inspection du travail"));
    }

    @Test
    void aChecklistGivesItsQuestionsWithTheIndicatorsTheyStandForAndAnUnknownOneIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/screening/checklists/border").with(as(Role.CASE_MANAGER, ORGANISATION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("border/r1"))
                .andExpect(jsonPath("$.sections[0].questions[0].id").value("BO01"))
                .andExpect(jsonPath("$.sections[0].questions[0].text", startsWith("Were they misled")))
                .andExpect(jsonPath("$.sections[0].questions[0].indicators", hasItem("AL-DR-01")));
        mvc.perform(get("/api/v1/screening/checklists/astrology").with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void theCataloguesShowTheirVersionSourceAndVerification() throws Exception {
        mvc.perform(get("/api/v1/screening/catalogues").with(as(Role.STATISTICIAN, ORGANISATION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("ilo-ec-2009"))
                .andExpect(jsonPath("$[0].version").value("ilo-ec-2009/r1"))
                .andExpect(jsonPath("$[0].verification").value("UNVERIFIED"))
                .andExpect(jsonPath("$[0].source", containsString("WCMS_105023")))
                .andExpect(jsonPath("$[0].missing", hasItem("adult-sexual")))
                .andExpect(jsonPath("$[0].items").value(132));
        mvc.perform(get("/api/v1/screening/catalogues/unodc").with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(119))
                .andExpect(jsonPath("$.items[0].id").value("UG01"))
                .andExpect(jsonPath("$.items[0].verification").value("CORROBORATED"));
        mvc.perform(get("/api/v1/screening/catalogues/horoscopes").with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aScreeningIsAnsweredWithItsLocationSuggestionAndReasonsAndOnceOnlyUnderTheSameKey() throws Exception {
        var sent = ArgumentCaptor.forClass(ScreeningRequest.class);
        var key = UUID.randomUUID();
        when(screenings.screen(sent.capture(), isNull(), isNull()))
                .thenAnswer(asked -> new Screenings.Screened(assessed(asked.getArgument(0)), true));

        var created = screen(CHILD_WORKER)
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/screenings/")))
                .andExpect(jsonPath("$.suggestion").value("REFER_AS_PRESUMED_VICTIM"))
                .andExpect(jsonPath("$.suggestionText", startsWith("Indicators suggest")))
                .andExpect(jsonPath("$.assessedAs").value("CHILD"))
                .andExpect(jsonPath("$.indicatorList").value("child-labour"))
                .andExpect(jsonPath("$.catalogueVersion").value("ilo-ec-2009/r1"))
                .andExpect(jsonPath("$.ruleVerification").value("UNVERIFIED"))
                .andExpect(jsonPath("$.elements[0].element").value("DECEPTIVE_RECRUITMENT"))
                .andExpect(jsonPath("$.elements[0].present").value(true))
                .andExpect(jsonPath("$.elements[0].counted[0].indicatorId").value("CL-DR-01"))
                .andExpect(jsonPath("$.elements[0].counted[0].strength").value("STRONG"))
                .andExpect(jsonPath("$.requirements.length()").value(2))
                .andExpect(jsonPath("$.cautions[*].code", hasItem("CHILD_NO_MEANS_NEEDED")))
                .andExpect(jsonPath(
                        "$.cautions[?(@.code == 'ANSWERS_MISSING')].text", hasItem(startsWith("10 questions"))))
                .andExpect(jsonPath("$.referLink", startsWith("/referrals/new?screening=")))
                .andReturn()
                .getResponse();
        // the location names the screening answered
        String id = com.jayway.jsonpath.JsonPath.read(created.getContentAsString(), "$.id");
        assertThat(created.getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/screenings/" + id);
        // the answers and context as the controller read them, in any case and with spaces or hyphens
        assertThat(sent.getValue().checklist()).isEqualTo("labour-inspection");
        assertThat(sent.getValue().ageGroup()).isEqualTo(AgeGroup.CHILD);
        assertThat(sent.getValue().forms()).containsExactly(ExploitationForm.LABOUR_EXPLOITATION);
        assertThat(sent.getValue().answers()).containsEntry("LI02", Answer.YES).containsEntry("LI10", Answer.NO);

        // the same key again: the screening saved under it, answered 200 at the same place
        var earlier = assessed(sent.getValue());
        doReturn(new Screenings.Screened(earlier, false)).when(screenings).screen(any(), isNull(), eq(key));
        mvc.perform(post("/api/v1/screenings")
                        .with(as(Role.REFERRER, ORGANISATION))
                        .header("Idempotency-Key", key.toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CHILD_WORKER))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                HttpHeaders.LOCATION,
                                containsString(
                                        "/api/v1/screenings/" + earlier.id().value())))
                .andExpect(jsonPath("$.id").value(earlier.id().value().toString()));

        when(screenings.find(earlier.id())).thenReturn(Optional.of(earlier));
        mvc.perform(get("/api/v1/screenings/{id}", earlier.id().value()).with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers.LI10").value("NO"))
                .andExpect(jsonPath("$.forms[0]").value("LABOUR_EXPLOITATION"))
                .andExpect(jsonPath("$.elements[3].element").value("EXPLOITATION"))
                .andExpect(jsonPath("$.elements[3].matchedBy.strong").value(1));
        // one of another organisation is not found, as one that does not exist
        when(screenings.find(any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/screenings/{id}", UUID.randomUUID()).with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void answersAgeGroupsAndFormsNotKnownAreRefusedBeforeAnythingIsScreenedAndTheServicesRefusalIsAProblem()
            throws Exception {
        screen("""
                        {"checklist":"health","answers":{"HE01":"MAYBE"}}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:AnswerInvalid"))
                .andExpect(jsonPath("$.detail", containsString("YES, NO or DONT_KNOW")));
        screen("""
                        {"checklist":"health","ageGroup":"ELDERLY","answers":{}}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("age group")));
        screen("""
                        {"checklist":"health","forms":["HOBBY"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("form of exploitation")));
        screen("""
                        {"answers":{"HE01":"YES"}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("checklist"));
        verify(screenings, never()).screen(any(), any(), any());

        when(screenings.screen(any(), any(), any())).thenThrow(new ChecklistUnknown("astrology"));
        screen("""
                        {"checklist":"astrology","answers":{"LI01":"YES"}}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:ChecklistUnknown"))
                .andExpect(jsonPath("$.detail", containsString("no checklist")));
    }

    @Test
    void rolesWithoutScreeningCannotScreenOrReadScreenings() throws Exception {
        mvc.perform(post("/api/v1/screenings")
                        .with(as(Role.STATISTICIAN, ORGANISATION))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CHILD_WORKER))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/screening/checklists").with(as(Role.GUARDIAN, ORGANISATION)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/screenings/{id}", UUID.randomUUID()).with(as(Role.STATISTICIAN, ORGANISATION)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/screenings").with(as(Role.REFERRER, ORGANISATION)))
                .andExpect(status().is4xxClientError());
        verify(screenings, never()).screen(any(), any(), any());
        verify(screenings, never()).find(any());
    }
}
