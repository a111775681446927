package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The code-list settings pages as a web slice ({@link PagesSlice}): the controller ({@code cases/web}), the platform's
 * security and the layout run with the shipped labels; the code-list changes are a stand-in. The web layer's part: only
 * administrators reach the lists and change them, an added code leads back to its list with its version, and a code or
 * retirement the rules refuse comes back with each reason in words at its own field and what was typed kept. Which
 * codes the rules refuse, and that a national code is stored, audited and offered by the forms, is
 * {@code CodeListsExtensionTests}'.
 */
@PagesSlice
class CodeListsSliceTests {

    static final UUID NRM = UUID.randomUUID();
    static final String LIST = CodeLists.METHOD_OF_CONTROL;
    static final String[] LANGUAGES = {"en", "fr", "de", "it", "ru", "es"};

    @Autowired
    MockMvc mvc;

    @Autowired
    CodeListChanges changes;

    @BeforeEach
    void twoShippedCodes() {
        when(changes.entries(LIST))
                .thenReturn(List.of(
                        new CodeListChanges.Entry("DebtBondage", null, false, false, 1),
                        new CodeListChanges.Entry("Other", null, false, false, 1)));
        when(changes.version(anyString())).thenReturn(3);
        when(changes.history(LIST)).thenReturn(List.of());
    }

    static MockHttpServletRequestBuilder add(String code, String parent, int labels) {
        var request = post("/settings/code-lists/{list}", LIST)
                .with(as(Role.ADMINISTRATOR, NRM))
                .with(csrf())
                .param("code", code)
                .param("parent", parent);
        for (int i = 0; i < labels; i++) {
            request.param("label." + LANGUAGES[i], "Household debt (" + LANGUAGES[i] + ")");
        }
        return request;
    }

    Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return org.opennrm.Pages.page(mvc, request, status);
    }

    @Test
    void onlyAdministratorsReachTheCodeListsAndChangeThem() throws Exception {
        mvc.perform(get("/settings/code-lists").with(as(Role.CASE_MANAGER, NRM)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/settings/code-lists/{list}", LIST).with(as(Role.COORDINATOR, NRM)))
                .andExpect(status().isForbidden());
        mvc.perform(add("HouseholdDebt", "Other", 6).with(as(Role.COORDINATOR, NRM)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/code-lists/{list}/{code}/retire", LIST, "HouseholdDebt")
                        .with(as(Role.CASE_MANAGER, NRM))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(changes);

        mvc.perform(get("/settings/code-lists").with(as(Role.ADMINISTRATOR, NRM)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Recruitment platforms")));
        var list = page(get("/settings/code-lists/{list}", LIST).with(as(Role.ADMINISTRATOR, NRM)), 200);
        assertThat(list.select("#code-DebtBondage")).hasSize(1);
        assertThat(list.select("#form-errors")).isEmpty();
    }

    @Test
    void anAddedCodeLeadsBackToItsListWithItsVersionAndEveryLabelPassedOn() throws Exception {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, String>> labels = ArgumentCaptor.forClass(Map.class);
        when(changes.add(eq(LIST), eq("HouseholdDebt"), eq("Other"), labels.capture()))
                .thenReturn(4);

        mvc.perform(add("HouseholdDebt", "Other", 6))
                .andExpect(redirectedUrl("/settings/code-lists/" + LIST))
                .andExpect(flash().attribute("flash", "codeLists.added"))
                .andExpect(flash().attribute("savedVersion", 4));
        assertThat(labels.getValue()).hasSize(6).containsEntry("es", "Household debt (es)");
    }

    @Test
    void aRefusedCodeComesBackWithEachReasonAtItsFieldAndWhatWasTyped() throws Exception {
        when(changes.add(eq(LIST), anyString(), anyString(), anyMap()))
                .thenThrow(new CodeListChanges.CodeListRefused(Map.of(
                        "code",
                        List.of("codeLists.error.codeTaken"),
                        "label.ru",
                        List.of("codeLists.error.labelMissing"))));

        var page = page(add("DebtBondage", "Other", 4), 400);

        assertThat(page.select("#form-errors")).hasSize(1);
        assertThat(page.select("#code").attr("value")).isEqualTo("DebtBondage");
        assertThat(page.select("#code").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#code + p.hint + p.field-error").eachText())
                .containsExactly("This list already has this code (perhaps retired): choose another code.");
        assertThat(page.select("#label-ru + p.field-error").eachText())
                .containsExactly("Write the label in this language: nobody may see a code instead.");
        assertThat(page.select("#label-fr + p.field-error")).isEmpty();
        assertThat(page.select("#label-fr").attr("value")).isEqualTo("Household debt (fr)");
    }

    @Test
    void aRefusedRetirementSaysWhyAboveTheList() throws Exception {
        when(changes.retire(LIST, "DebtBondage"))
                .thenThrow(
                        new CodeListChanges.CodeListRefused(Map.of("retire", List.of("codeLists.error.notRetirable"))));

        var page = page(
                post("/settings/code-lists/{list}/{code}/retire", LIST, "DebtBondage")
                        .with(as(Role.ADMINISTRATOR, NRM))
                        .with(csrf()),
                400);

        assertThat(page.select("#retire-errors p").eachText())
                .containsExactly("Only a national code in use can be retired.");
        assertThat(page.select("#code-DebtBondage")).hasSize(1);
        assertThat(page.select("#code").attr("value")).isEmpty();
    }

    @Test
    void aRefusalSpeaksTheReadersLanguage() throws Exception {
        when(changes.add(any(), any(), any(), any()))
                .thenThrow(new CodeListChanges.CodeListRefused(Map.of("parent", List.of("codeLists.error.parent"))));

        var page = page(add("HouseholdDebt", "HouseholdDebt", 6).locale(java.util.Locale.FRENCH), 400);

        assertThat(page.select("#parent ~ p.field-error").eachText())
                .containsExactly("Choisissez un des codes standard de cette liste.");
    }
}
