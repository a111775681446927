package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Checklists the NRM changes in the pages: a change is a new version, used at once for new screenings, while a
 * screening made before keeps and reads its own version; a version that breaks what the rule needs is refused
 * with a message at the field; every saved version is audited.
 */
@PlatformTest
class ChecklistChangesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final UUID organisation = UUID.randomUUID();
    final UUID nrm = UUID.randomUUID();

    static String newCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    MockHttpServletRequestBuilder question(String checklist, String code, String indicators, String... labels) {
        var request = post("/settings/checklists/{id}/questions", checklist)
                .with(as(Role.ADMINISTRATOR, nrm))
                .with(csrf())
                .param("section", "work")
                .param("code", code)
                .param("indicators", indicators);
        String[] languages = {"en", "fr", "de", "it", "ru", "es"};
        for (int i = 0; i < labels.length; i++) {
            request.param("label." + languages[i], labels[i]);
        }
        return request;
    }

    static final String[] LABELS = {
        "Were they made to work at night against their will?",
        "Les a-t-on fait travailler la nuit contre leur gré ?",
        "Mussten sie gegen ihren Willen nachts arbeiten?",
        "Sono stati costretti a lavorare di notte contro la loro volontà?",
        "Их заставляли работать ночью против их воли?",
        "¿Les hicieron trabajar de noche contra su voluntad?"
    };

    String currentVersion(String checklist) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/v1/screening/checklists/{id}", checklist).with(as(Role.REFERRER, organisation)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
    }

    String screen(String body) throws Exception {
        return JsonPath.read(
                mvc.perform(post("/api/v1/screenings")
                                .with(as(Role.REFERRER, organisation))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void anAddedQuestionIsANewVersionUsedAtOnceWhileAnOlderScreeningKeepsItsOwn() throws Exception {
        String before = currentVersion("education");
        String older = screen("""
                {"checklist":"education","answers":{"ED01":"YES"}}""");
        String code = newCode();

        mvc.perform(question("education", code, "AL-EX-01, CL-EX-01, UG26", LABELS))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/settings/checklists/education"));

        try {
            readsEachScreeningWithItsOwnVersion(before, older, code);
        } finally {
            // taken out again, as one more version, so that the other tests find education as shipped
            mvc.perform(post("/settings/checklists/education/questions/{code}/remove", code)
                            .with(as(Role.ADMINISTRATOR, nrm))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(currentVersion("education")).doesNotContain(code);
        mvc.perform(get("/api/v1/screening/checklists/education").with(as(Role.REFERRER, organisation)))
                .andExpect(content().string(not(containsString(code))));
    }

    void readsEachScreeningWithItsOwnVersion(String before, String older, String code) throws Exception {
        String after = currentVersion("education");
        assertThat(after).isNotEqualTo(before).startsWith("education/r");
        mvc.perform(get("/api/v1/screening/checklists/education")
                        .with(as(Role.REFERRER, organisation))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ru"))
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString(LABELS[4])));

        String newer = screen("""
                {"checklist":"education","answers":{"%s":"YES"}}""".formatted(code));
        mvc.perform(get("/api/v1/screenings/{id}", newer).with(as(Role.REFERRER, organisation)))
                .andExpect(jsonPath("$.checklistVersion").value(after))
                .andExpect(jsonPath("$.answers." + code).value("YES"));
        mvc.perform(get("/screening/results/{id}", newer).with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(LABELS[0])));

        // the older screening is read with the version it was answered with
        mvc.perform(get("/api/v1/screenings/{id}", older).with(as(Role.REFERRER, organisation)))
                .andExpect(jsonPath("$.checklistVersion").value(before));
        mvc.perform(get("/screening/results/{id}", older).with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(before)))
                .andExpect(content().string(not(containsString(LABELS[0]))));
        // a screening sent with the older version is assessed with it: that version has no such question
        mvc.perform(post("/api/v1/screenings")
                        .with(as(Role.REFERRER, organisation))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"checklist":"education","checklistVersion":"%s","answers":{"%s":"YES"}}""".formatted(before, code)))
                .andExpect(status().isBadRequest());

        assertThat(jdbc.sql(
                                "select count(*) from access.audit_entry where record_type = 'checklist' and detail like :detail")
                        .param("detail", "version=" + after + " added " + code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aVersionThatBreaksWhatTheRuleNeedsIsRefusedAtItsFields() throws Exception {
        String before = currentVersion("health");
        mvc.perform(question("health", newCode(), "", LABELS))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Name at least one indicator")));
        mvc.perform(question("health", newCode(), "XX-99", LABELS))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("No catalogue has an indicator XX-99.")));
        mvc.perform(question("health", newCode(), "AL-DR-01, AL-DR-02", LABELS))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Two indicators of the ILO/EC list adult-labour")));
        mvc.perform(question("health", "LI01", "AL-DR-01", LABELS))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The code LI01 is already used")));
        mvc.perform(question("health", "l", "AL-DR-01", LABELS))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write a code of 2 to 20")));
        mvc.perform(question("health", newCode(), "AL-DR-01", LABELS[0], LABELS[1]))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write the question in this language")))
                .andExpect(content().string(containsString("id=\"label-de\"")));
        // education: ED02 is the only question that can show coercive recruitment
        mvc.perform(post("/settings/checklists/education/questions/ED02/remove")
                        .with(as(Role.ADMINISTRATOR, nrm))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Coercive recruitment")));
        assertThat(currentVersion("health")).isEqualTo(before);
    }
}
