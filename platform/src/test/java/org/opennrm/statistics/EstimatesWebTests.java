package org.opennrm.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The estimation page: a statistician uploads or pastes a table and reads the sensitivity table. */
@PlatformTest
class EstimatesWebTests {

    @Autowired
    MockMvc mvc;

    final UUID organisation = UUID.randomUUID();

    @Test
    void thePageOffersAnUploadAndAPasteField() throws Exception {
        mvc.perform(get("/statistics/estimates").with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"file\">CSV file</label>")))
                .andExpect(content().string(containsString("<label for=\"table\">Or paste the table</label>")));
    }

    @Test
    void aPastedTableGivesTheSensitivityTable() throws Exception {
        mvc.perform(post("/statistics/estimates")
                        .with(as(Role.STATISTICIAN, organisation))
                        .with(csrf())
                        .param("table", MseFixtures.csv("UKdat")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sensitivity\"")))
                .andExpect(content().string(containsString("12,214")))
                .andExpect(content().string(containsString("main effects + LA:GP")))
                .andExpect(content().string(containsString("on the boundary, no estimate")));
    }

    @Test
    void anUploadedTableIsEstimatedInTheLanguageOfThePage() throws Exception {
        var file = new MockMultipartFile(
                "file", "Western.csv", "text/csv", MseFixtures.csv("Western").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/statistics/estimates")
                        .file(file)
                        .with(as(Role.COORDINATOR, organisation))
                        .with(csrf())
                        .param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sensibilité selon le modèle")));
    }

    @Test
    void aBadTableIsShownWithWhatToFix() throws Exception {
        mvc.perform(post("/statistics/estimates")
                        .with(as(Role.STATISTICIAN, organisation))
                        .with(csrf())
                        .param("table", "A,B,count\n1,0,2\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("At least three lists")))
                .andExpect(content().string(not(containsString("id=\"sensitivity\""))));
    }

    @Test
    void aRefusedTableIsExplainedInTheReadersLanguage() throws Exception {
        refused(post("/statistics/estimates").param("table", "A,B,count\n1,0,2\n"), "fr")
                .andExpect(content().string(containsString("Le tableau ne peut pas être utilisé :")))
                .andExpect(content()
                        .string(containsString("<span>Il faut au moins trois listes ; le tableau en a 2.</span>")))
                .andExpect(content().string(not(containsString("At least three lists"))));
        refused(post("/statistics/estimates").param("table", "A,B,C,count\n1,0,0,3\n1,x,0,2\n"), "fr")
                .andExpect(content().string(containsString("Ligne 3, liste B : « x » n’est ni 0 ni 1.")));
        refused(post("/statistics/estimates").param("table", " "), "fr")
                .andExpect(content().string(containsString("Le tableau est vide : fournissez une ligne d’en-tête")));
        // the parser's own words (in English, quoting the table) are never shown: the row it could not read is
        refused(post("/statistics/estimates").param("table", "A,B,C,count\n1,0,0,3\n1,\"1\"x,0,2\n"), "fr")
                .andExpect(content()
                        .string(containsString(
                                "La ligne 3 n’est pas lisible en CSV : vérifiez ses guillemets et ses virgules.")))
                .andExpect(content().string(not(containsString("encapsulated"))));
        refused(
                        post("/statistics/estimates/cases")
                                .param("from", "l’an dernier")
                                .param("to", "2025"),
                        "fr")
                .andExpect(content()
                        .string(containsString(
                                "Indiquez la période sous la forme de deux années, par exemple 2025 à 2026.")));
        refused(post("/statistics/estimates/jobs").param("table", "A,B,C,count\n1,0,0,0\n0,1,0,0\n"), "fr")
                .andExpect(content()
                        .string(containsString("Le tableau ne compte personne : tous les effectifs valent 0.")));
    }

    @Test
    void aRefusedTableIsExplainedInEnglishWithoutAChosenLanguage() throws Exception {
        refused(post("/statistics/estimates").param("table", "A,B,count\n1,0,2\n"), null)
                .andExpect(content()
                        .string(containsString("<span>At least three lists are needed; the table has 2.</span>")));
        refused(post("/statistics/estimates").param("table", "A,B,C,count\n1,0,0,3\n1,x,0,2\n"), null)
                .andExpect(content().string(containsString("Row 3, list B: &quot;x&quot; is not 0 or 1.")));
        refused(post("/statistics/estimates").param("table", "A,B,C,count\n1,0,0,3\n1,\"1\"x,0,2\n"), null)
                .andExpect(
                        content().string(containsString("Row 3 is not readable as CSV: check its quotes and commas.")));
        refused(post("/statistics/estimates/cases").param("from", "last year").param("to", "2025"), null)
                .andExpect(content().string(containsString("Give the period as two years, such as 2025 to 2026.")));
        refused(post("/statistics/estimates/jobs").param("table", "A,B,C,count\n1,0,0,0\n0,1,0,0\n"), null)
                .andExpect(content().string(containsString("The table counts nobody: every count is 0.")));
    }

    /** The estimation page answering a refused table (400), in the language asked for (none: the default). */
    private ResultActions refused(MockHttpServletRequestBuilder request, String language) throws Exception {
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return mvc.perform(request.with(as(Role.STATISTICIAN, organisation)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"estimate-problem\"")));
    }
}
