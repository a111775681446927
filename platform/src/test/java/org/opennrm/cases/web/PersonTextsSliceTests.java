package org.opennrm.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the person reads - consent information and the rights of the recovery period - comes in the language
 * recorded for them, any other offered on request, right to left for Arabic, with how far its translation was
 * checked shown to staff. A web slice ({@link PagesSlice}) with the shipped texts; case management, a stand-in, gives
 * the languages recorded for the person.
 */
@PagesSlice
class PersonTextsSliceTests {

    static final UUID OFFICE = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    final CaseId caseId = CaseId.of(UUID.randomUUID());

    @BeforeEach
    void aCaseOfAPersonWhoSpeaksRomanian() {
        // the languages recorded for the person, as case management gives them (ISO 639-2)
        when(cases.languagesOf(caseId))
                .thenReturn(List.copyOf(CaseFixtures.adult().languages()));
    }

    @Test
    void onlyThoseWhoReadCasesReadThePersonsTexts() throws Exception {
        mvc.perform(get("/cases/{id}/information", caseId.value()).with(as(Role.REFERRER, OFFICE)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cases/{id}/information", caseId.value()).with(as(Role.SERVICE_PROVIDER, OFFICE)))
                .andExpect(status().isForbidden());
        verifyNoInteractions(cases);
    }

    @Test
    void theLanguageRecordedForThePersonIsChosenFirst() throws Exception {
        var page = information(null);
        assertThat(page.select("#person-texts").attr("lang")).isEqualTo("ro");
        assertThat(page.select("#person-texts").attr("dir")).isEqualTo("ltr");
        assertThat(page.select("#language option[selected]").attr("value")).isEqualTo("ro");
        assertThat(page.select("#from-record")).hasSize(1);
        assertThat(page.select("#rights li")).hasSize(8);
        assertThat(page.select("#person-texts").text()).contains("Drepturile dumneavoastră");
        assertThat(page.select("#review-status").text()).isEqualTo("machine-drafted translation, not yet reviewed");
        assertThat(page.select("#machine-warning")).hasSize(1);
    }

    @Test
    void arabicIsWrittenRightToLeft() throws Exception {
        var page = information("ar");
        assertThat(page.select("#person-texts").attr("lang")).isEqualTo("ar");
        assertThat(page.select("#person-texts").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("#person-texts h2").first().text()).isEqualTo("موافقتك: ما نشاركه، وفقط إذا وافقت");
        assertThat(page.select("#from-record")).isEmpty();
    }

    @Test
    void englishIsTheOriginalAndALanguageNotOfferedFallsBackToThePersons() throws Exception {
        var english = information("en");
        assertThat(english.select("#review-status").text()).isEqualTo("original text");
        assertThat(english.select("#machine-warning")).isEmpty();
        assertThat(information("zz").select("#person-texts").attr("lang")).isEqualTo("ro");
    }

    @Test
    void everyLanguageIsOffered() throws Exception {
        assertThat(information(null).select("#language option").eachAttr("value"))
                .containsExactly("en", "ar", "de", "es", "fr", "it", "ro", "ru", "sq", "uk", "vi");
    }

    private Document information(String language) throws Exception {
        var request = get("/cases/{id}/information", caseId.value()).with(as(Role.CASE_MANAGER, OFFICE));
        if (language != null) {
            request = request.param("language", language);
        }
        return org.opennrm.Pages.page(mvc, request, 200);
    }
}
