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
}
