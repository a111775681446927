package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.opennrm.screening.ChecklistRefused.Problem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The checklists' settings pages as a web slice ({@link PagesSlice}): the controller, the platform's security and the
 * layout run with the shipped checklists and question texts; the checklists' versions and changes are stand-ins. The
 * web layer's part: only administrators reach the pages and forms, a saved change leads back to its checklist with a
 * flash, and a change the rules refuse comes back with each reason in words at its own field and what was typed kept.
 * Which changes the rules refuse, and that a saved one is a new version used at once and audited, is
 * {@code ChecklistChangesTests}' and {@code SectorChecklistsTests}'.
 */
@PagesSlice
class ChecklistAdminSliceTests {

    static final UUID NRM = UUID.randomUUID();
    static final Checklists CHECKLISTS = ScreeningPagesSliceTests.CHECKLISTS;
    static final String[] LANGUAGES = {"en", "fr", "de", "it", "ru", "es"};

    @Autowired
    MockMvc mvc;

    ChecklistVersions versions;

    ChecklistChanges changes;

    /**
     * The stand-ins themselves: the beans are wrapped in the method security of their classes, which would ask for a
     * signed-in person when a test tells them what to answer. Reset here, as the proxies keep them from the slice's
     * reset.
     */
    @Autowired
    void standIns(ChecklistVersions versions, ChecklistChanges changes) {
        this.versions = AopTestUtils.getUltimateTargetObject(versions);
        this.changes = AopTestUtils.getUltimateTargetObject(changes);
    }

    @BeforeEach
    void theShippedChecklistsInForce() {
        Mockito.reset(versions, changes);
        when(versions.current()).thenReturn(CHECKLISTS.all());
        when(versions.current(anyString())).thenAnswer(asked -> CHECKLISTS.find(asked.getArgument(0)));
        when(versions.history(anyString())).thenReturn(List.of());
    }

    static MockHttpServletRequestBuilder question(String checklist, String code, String indicators, int labels) {
        var request = post("/settings/checklists/{id}/questions", checklist)
                .with(as(Role.ADMINISTRATOR, NRM))
                .with(csrf())
                .param("section", "work")
                .param("code", code)
                .param("indicators", indicators);
        for (int i = 0; i < labels; i++) {
            request.param("label." + LANGUAGES[i], "Were they made to work at night (" + LANGUAGES[i] + ")?");
        }
        return request;
    }

    Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return org.opennrm.Pages.page(mvc, request, status);
    }

    @Test
    void onlyAdministratorsReachTheChecklistsAndChangeOrAddThem() throws Exception {
        mvc.perform(get("/settings/checklists").with(as(Role.REFERRER, NRM))).andExpect(status().isForbidden());
        mvc.perform(get("/settings/checklists/new").with(as(Role.REFERRER, NRM)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/settings/checklists/health").with(as(Role.COORDINATOR, NRM)))
                .andExpect(status().isForbidden());
        mvc.perform(question("health", "TNIGHT", "AL-DR-01", 6).with(as(Role.COORDINATOR, NRM)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/checklists")
                        .with(as(Role.CASE_MANAGER, NRM))
                        .with(csrf())
                        .param("checklistCode", "sector-domestic"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/checklists/education/questions/ED02/remove")
                        .with(as(Role.COORDINATOR, NRM))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(changes);

        mvc.perform(get("/settings/checklists").with(as(Role.ADMINISTRATOR, NRM)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("admin-checklist-labour-inspection")));
        mvc.perform(get("/settings/checklists/new").with(as(Role.ADMINISTRATOR, NRM)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ILO/EC list for adults")));
        mvc.perform(get("/settings/checklists/astrology").with(as(Role.ADMINISTRATOR, NRM)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSavedQuestionLeadsBackToItsChecklistWithWhatWasTypedPassedOn() throws Exception {
        var health = CHECKLISTS.find("health").orElseThrow();
        var sent = ArgumentCaptor.forClass(ChecklistChanges.QuestionForm.class);
        when(changes.saveQuestion(eq("health"), sent.capture())).thenReturn(health);

        mvc.perform(question("health", "TNIGHT", "AL-EX-01, CL-EX-01", 6))
                .andExpect(redirectedUrl("/settings/checklists/health"))
                .andExpect(flash().attribute("flash", "screening.admin.saved"))
                .andExpect(flash().attribute("savedVersion", health.version()));
        assertThat(sent.getValue().section()).isEqualTo("work");
        assertThat(sent.getValue().code()).isEqualTo("TNIGHT");
        assertThat(sent.getValue().indicators()).isEqualTo("AL-EX-01, CL-EX-01");
        assertThat(sent.getValue().labels()).hasSize(6).containsEntry("ru", "Were they made to work at night (ru)?");
    }

    @Test
    void aRefusedQuestionComesBackWithEachReasonAtItsFieldAndWhatWasTyped() throws Exception {
        when(changes.saveQuestion(eq("health"), any()))
                .thenThrow(new ChecklistRefused(Map.of(
                        "indicators",
                        List.of(new Problem("screening.admin.error.unknownIndicator", List.of("XX-99"))),
                        "label.de",
                        List.of(new Problem("screening.admin.error.labelMissing", List.of())))));

        var page = page(question("health", "TNIGHT", "XX-99", 2), 400);

        assertThat(page.select("#form-errors")).hasSize(1);
        assertThat(page.select("#indicators").attr("value")).isEqualTo("XX-99");
        assertThat(page.select("#indicators").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#indicators + p.hint + p.field-error").eachText())
                .containsExactly("No catalogue has an indicator XX-99.");
        assertThat(page.select("#label-de + p.field-error").eachText())
                .containsExactly("Write the question in this language: a screener must never see a code instead.");
        assertThat(page.select("#label-fr + p.field-error")).isEmpty();
        assertThat(page.select("#label-fr").attr("value")).isEqualTo("Were they made to work at night (fr)?");
        assertThat(page.select("#code").attr("value")).isEqualTo("TNIGHT");
    }

    @Test
    void aRefusedRemovalSaysWhichElementWouldBeLostInWords() throws Exception {
        when(changes.removeQuestion("education", "ED02"))
                .thenThrow(new ChecklistRefused(Map.of(
                        "indicators",
                        List.of(new Problem(
                                "screening.admin.error.elementLost",
                                List.of("screening.element.COERCIVE_RECRUITMENT"))))));

        var page = page(
                post("/settings/checklists/education/questions/ED02/remove")
                        .with(as(Role.ADMINISTRATOR, NRM))
                        .with(csrf()),
                400);

        assertThat(page.select("#remove-errors p").eachText())
                .containsExactly("After this change no question would stand for an indicator of the element"
                        + " \"Coercive recruitment\": the rule could never find it again.");
        assertThat(page.select("#admin-question-ED02")).hasSize(1);
    }

    @Test
    void aRefusedNewChecklistComesBackWithItsReasonsAndTheListsChosen() throws Exception {
        when(changes.create(any()))
                .thenThrow(new ChecklistRefused(Map.of(
                        "checklistCode",
                        List.of(new Problem("screening.admin.error.checklistTaken", List.of())),
                        "q0.code",
                        List.of(new Problem("screening.admin.error.codeTaken", List.of("LI01"))))));

        var page = page(
                post("/settings/checklists")
                        .with(as(Role.ADMINISTRATOR, NRM))
                        .with(csrf())
                        .param("checklistCode", "border")
                        .param("lists", "child-labour")
                        .param("q0.code", "LI01"),
                400);

        assertThat(page.select("#checklistCode").attr("value")).isEqualTo("border");
        assertThat(page.select("#checklistCode + p.hint + p.field-error").eachText())
                .containsExactly("A checklist with this code exists already: choose another code.");
        assertThat(page.text()).contains("The code LI01 is already used by a question of another checklist");
        assertThat(page.select("#list-child-labour").hasAttr("checked")).isTrue();
        assertThat(page.select("#list-adult-labour").hasAttr("checked")).isFalse();
        verify(changes).create(any());
    }
}
