package org.opennrm.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseSummaryLine;
import org.opennrm.cases.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The assistance pages as a web slice ({@link PagesSlice}): the controller, the platform's security and the layout run
 * with the shipped texts the person reads; assistance, case management and the organisations' registry are stand-ins.
 * The web layer's part: the closure's feedback questions in the person's recorded language (or the one asked for,
 * without reading the case), a refusal of the service or closure forms brought back with its message and field, and who
 * reaches the pages. The rules of assistance are {@code AssistanceTests}' and {@code AssistanceModuleTests}'; the
 * journey from referral to closure is {@code AssistanceWebTests}'.
 */
@PagesSlice
class AssistancePagesSliceTests {

    static final UUID OFFICE = UUID.randomUUID();
    static final UUID SHELTER = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Assistance assistance;

    @Autowired
    CaseManagement cases;

    final CaseId caseId = CaseId.of(UUID.randomUUID());

    @BeforeEach
    void anOpenCaseInAssistanceOfAPersonWhoSpeaksRomanian() {
        when(assistance.read(caseId)).thenReturn(file());
        when(cases.languagesOf(caseId)).thenReturn(List.of("ron"));
    }

    private AssistanceFile file(DeliveredService... services) {
        return new AssistanceFile(
                new CaseSummaryLine(caseId, "NRM-2026-000001", CaseStatus.OPEN, Stage.IN_ASSISTANCE, 3),
                List.of(),
                null,
                List.of(services),
                List.of(),
                List.of(),
                List.of(),
                true);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return org.opennrm.Pages.page(mvc, request, 200);
    }

    private String path(String tail) {
        return "/assistance/cases/" + caseId.value() + tail;
    }

    @Test
    void theFeedbackQuestionsAreInThePersonsRecordedLanguageAndArabicIsWrittenRightToLeft() throws Exception {
        var page = page(get(path("/closure")).with(as(Role.CASE_MANAGER, OFFICE)));
        assertThat(page.select("#language option[selected]").attr("value")).isEqualTo("ro");
        assertThat(page.select("#feedback").attr("lang")).isEqualTo("ro");
        assertThat(page.select("#feedback").attr("dir")).isEqualTo("ltr");
        assertThat(page.select("#feedback").text()).contains("V-ați simțit în siguranță");
        // staff see how far the translation was checked
        assertThat(page.select("#feedback-translation").text())
                .contains("machine-drafted translation, not yet reviewed");

        var arabic = page(get(path("/closure")).param("language", "ar").with(as(Role.CASE_MANAGER, OFFICE)));
        assertThat(arabic.select("#feedback").attr("lang")).isEqualTo("ar");
        assertThat(arabic.select("#feedback").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.select("#feedback").text()).contains("هل شعرت بالأمان");
        // the person's record was read for the first page only: a language asked for needs no read of it
        verify(cases).languagesOf(caseId);
    }

    @Test
    void aClosureIsSentWithTheFeedbackAsAnsweredAndARefusalIsSaidOnTheClosurePage() throws Exception {
        doThrow(new AssistanceRuleViolation("assist.feedbackLanguage", "Not a language offered."))
                .when(assistance)
                .close(
                        eq(caseId),
                        eq(new ClosureForm(
                                DurableSolution.INTEGRATION_IN_COUNTRY,
                                "Settled",
                                "zz",
                                FeedbackAnswer.YES,
                                null,
                                null,
                                null,
                                null)));
        mvc.perform(closure("zz"))
                .andExpect(flash().attribute("refused", "assist.feedbackLanguage"))
                .andExpect(redirectedUrl(path("/closure")));

        mvc.perform(closure("ar"))
                .andExpect(flash().attribute("flash", "assist.flash.closed"))
                .andExpect(redirectedUrl(path("/closure")));
        var sent = ArgumentCaptor.forClass(ClosureForm.class);
        verify(assistance, org.mockito.Mockito.times(2)).close(eq(caseId), sent.capture());
        assertThat(sent.getValue().feedbackLanguage()).isEqualTo("ar");
        assertThat(sent.getValue().solution()).isEqualTo(DurableSolution.INTEGRATION_IN_COUNTRY);
        assertThat(sent.getValue().feltSafe()).isEqualTo(FeedbackAnswer.YES);
    }

    private MockHttpServletRequestBuilder closure(String feedbackLanguage) {
        return post(path("/closure"))
                .with(as(Role.CASE_MANAGER, OFFICE))
                .with(csrf())
                .param("solution", "INTEGRATION_IN_COUNTRY")
                .param("reason", "Settled")
                .param("feedbackLanguage", feedbackLanguage)
                .param("feltSafe", "YES");
    }

    @Test
    void aRefusedServiceComesBackWithItsMessageOnTheFieldItConcerns() throws Exception {
        doThrow(new AssistanceRuleViolation("assist.result.permit", "A permit needs its result.", "result"))
                .when(assistance)
                .recordService(eq(caseId), any());
        mvc.perform(post(path("/services"))
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .with(csrf())
                        .param("type", "PERMANENT_RESIDENCE_PERMIT")
                        .param("startedOn", TODAY.toString()))
                .andExpect(flash().attribute("refused", "assist.result.permit"))
                .andExpect(flash().attribute("refusedField", "result"))
                .andExpect(redirectedUrl(path("")));

        // a decision refused on one pending permit: the message beside that permit's field, the other left alone
        var pending = new DeliveredService(
                UUID.randomUUID(),
                null,
                ServiceType.TEMPORARY_RESIDENCE_PERMIT,
                SHELTER,
                TODAY,
                null,
                null,
                null,
                ServiceResult.APPLIED);
        var other = new DeliveredService(
                UUID.randomUUID(),
                null,
                ServiceType.TEMPORARY_RESIDENCE_PERMIT,
                SHELTER,
                TODAY,
                null,
                null,
                null,
                ServiceResult.APPLIED);
        var decided = new DeliveredService(
                UUID.randomUUID(),
                null,
                ServiceType.TEMPORARY_RESIDENCE_PERMIT,
                SHELTER,
                TODAY,
                null,
                null,
                TODAY.plusYears(1),
                ServiceResult.GRANTED);
        when(assistance.read(caseId)).thenReturn(file(pending, other, decided));
        doThrow(new AssistanceRuleViolation("assist.result.choose", "Choose the decision.", "result"))
                .when(assistance)
                .recordResult(eq(caseId), eq(pending.id()), any());
        mvc.perform(post(path("/services/" + pending.id() + "/result"))
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .with(csrf())
                        .param("result", "AWARDED")
                        .param("decidedOn", TODAY.toString()))
                .andExpect(flash().attribute("refused", "assist.result.choose"))
                .andExpect(flash().attribute("refusedField", "result"))
                .andExpect(flash().attribute("decidedService", pending.id()))
                .andExpect(redirectedUrl(path("")));

        var page = page(get(path(""))
                .flashAttr("refused", "assist.result.choose")
                .flashAttr("refusedField", "result")
                .flashAttr("decidedService", pending.id())
                .with(as(Role.CASE_MANAGER, OFFICE)));
        assertThat(page.select("#decision-" + pending.id()).attr("aria-invalid"))
                .isEqualTo("true");
        assertThat(page.select("#decision-" + other.id()).attr("aria-invalid")).isEqualTo("false");
        assertThat(page.select("#decision-" + pending.id())
                        .parents()
                        .select(".field-error")
                        .text())
                .contains("Choose the decision: granted or refused");
        assertThat(page.select(".field-error")).hasSize(1);
        // a decided permit shows its result and offers no decision
        assertThat(page.select("#result-" + decided.id()).text()).isNotBlank();
        assertThat(page.select("#decide-" + decided.id())).isEmpty();
        assertThat(page.select("#decide-" + pending.id())).hasSize(1);
    }

    @Test
    void onlyCaseWorkersCloseAndOnlyThoseWhoReadCasesOrRecordServicesReachThePages() throws Exception {
        mvc.perform(get(path("/closure")).with(as(Role.SERVICE_PROVIDER, SHELTER)))
                .andExpect(status().isForbidden());
        mvc.perform(post(path("/closure"))
                        .with(as(Role.SERVICE_PROVIDER, SHELTER))
                        .with(csrf())
                        .param("solution", "INTEGRATION_IN_COUNTRY"))
                .andExpect(status().isForbidden());
        mvc.perform(get(path("")).with(as(Role.STATISTICIAN, OFFICE))).andExpect(status().isForbidden());
        mvc.perform(get("/assistance/reminders").with(as(Role.SERVICE_PROVIDER, SHELTER)))
                .andExpect(status().isForbidden());
        verify(assistance, never()).close(any(), any());
        verifyNoInteractions(cases);
    }
}
