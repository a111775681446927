package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
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
 * Sector checklists an administrator adds in the pages: the first version needs a question for every element the
 * combination rule needs in each ILO/EC list chosen (refused otherwise, with the message at the field), is offered at
 * once on the web form, in the API and to the offline app, is audited, and keeps being read for its screenings after
 * a later version.
 */
@PlatformTest
class SectorChecklistsTests {

    static final String[] LANGUAGES = {"en", "fr", "de", "it", "ru", "es"};

    /** One adult-labour indicator of each of the six elements, in the rows' order (one row per element). */
    static final List<String> ADULT = List.of("AL-DR-01", "AL-CR-01", "AL-VR-01", "AL-EX-01", "AL-CD-01", "AL-VD-01");

    static final List<String> SECTIONS =
            List.of("recruitment", "recruitment", "recruitment", "work", "control", "control");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final UUID nrm = UUID.randomUUID();
    final UUID organisation = UUID.randomUUID();

    static String newId() {
        return "sector-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String code(String prefix, int row) {
        return prefix + row;
    }

    static String prefix() {
        return "S"
                + UUID.randomUUID()
                        .toString()
                        .substring(0, 6)
                        .toUpperCase(Locale.ROOT)
                        .replace('-', 'X') + "-";
    }

    /** A whole new checklist with the adult-labour list and one question per element; {@code skip} rows left empty. */
    MockHttpServletRequestBuilder create(String id, String prefix, List<String> lists, int... skip) {
        return create(id, prefix, lists, null, skip);
    }

    MockHttpServletRequestBuilder create(
            String id, String prefix, List<String> lists, String nameLeftOut, int... skip) {
        var request = post("/settings/checklists")
                .with(as(Role.ADMINISTRATOR, nrm))
                .with(csrf())
                .param("checklistCode", id);
        for (String language : LANGUAGES) {
            if (!language.equals(nameLeftOut)) {
                request.param("title." + language, "Domestic work (" + language + ")");
            }
        }
        lists.forEach(list -> request.param("lists", list));
        rows:
        for (int row = 0; row < ADULT.size(); row++) {
            for (int skipped : skip) {
                if (skipped == row) {
                    continue rows;
                }
            }
            request.param("q" + row + ".section", SECTIONS.get(row))
                    .param("q" + row + ".code", code(prefix, row))
                    .param("q" + row + ".indicators", ADULT.get(row));
            for (String language : LANGUAGES) {
                request.param("q" + row + ".label." + language, "Question " + row + " in " + language + "?");
            }
        }
        return request;
    }

    @Test
    void anAddedChecklistIsOfferedAtOnceEverywhereAuditedAndItsScreeningsKeepTheirVersion() throws Exception {
        String id = newId();
        String prefix = prefix();
        mvc.perform(create(id, prefix, List.of("adult-labour")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/settings/checklists/" + id));

        // the web form lists it by its name in the reader's language, the API and the offline app too
        mvc.perform(get("/screening").with(as(Role.REFERRER, organisation)).locale(Locale.GERMAN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Domestic work (de)")));
        mvc.perform(get("/api/v1/screening/checklists")
                        .with(as(Role.REFERRER, organisation))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].title", hasItem("Domestic work (fr)")))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].version", hasItem(id + "/r1")))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].questions", hasItem(6)));
        mvc.perform(get("/screening/offline/checklists").with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(id + "/r1")));
        assertThat(jdbc.sql("""
                        select detail from access.audit_entry
                        where record_type = 'checklist' and record_id = :id and action = 'CREATE'""").param("id", id).query(String.class).list())
                .singleElement()
                .asString()
                .contains("version=" + id + "/r1");

        String screening = JsonPath.read(
                mvc.perform(post("/api/v1/screenings")
                                .with(as(Role.REFERRER, organisation))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"checklist\":\"" + id + "\",\"ageGroup\":\"ADULT\",\"answers\":{\""
                                        + code(prefix, 3) + "\":\"YES\"}}"))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.checklistVersion").value(id + "/r1"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        // a child (or a person of unknown age, assessed as a child) screened with a checklist without the child list
        mvc.perform(post("/api/v1/screenings")
                        .with(as(Role.REFERRER, organisation))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checklist\":\"" + id + "\",\"ageGroup\":\"UNKNOWN\",\"answers\":{\""
                                + code(prefix, 3) + "\":\"YES\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cautions[*].code", hasItem("LIST_NOT_IN_CHECKLIST")));

        // a second version, then the older screening still reads its own questions and version
        var added = post("/settings/checklists/{id}/questions", id)
                .with(as(Role.ADMINISTRATOR, nrm))
                .with(csrf())
                .param("section", "work")
                .param("code", prefix + "9")
                .param("indicators", "AL-EX-02");
        for (String language : LANGUAGES) {
            added.param("label." + language, "A later question in " + language + "?");
        }
        mvc.perform(added).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/screening/checklists/{id}", id).with(as(Role.REFERRER, organisation)))
                .andExpect(jsonPath("$.version").value(id + "/r2"))
                .andExpect(jsonPath("$.title").value("Domestic work (en)"));
        mvc.perform(get("/screening/results/{id}", screening).with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Domestic work (en)")))
                .andExpect(content().string(containsString(id + "/r1")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("A later question"))));
    }

    @Test
    void aFirstVersionWithoutAQuestionForAnElementTheRuleNeedsIsRefusedAndNothingSaved() throws Exception {
        String id = newId();
        // row 4: coercion at destination, which the adult rule names
        mvc.perform(create(id, prefix(), List.of("adult-labour"), 4))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Coercion at destination")))
                .andExpect(content().string(containsString("questions-errors")));
        assertThat(count(id)).isZero();
    }

    @Test
    void theChildListNeedsItsOwnIndicatorsAndAnIndicatorOfAListNotChosenIsRefused() throws Exception {
        String id = newId();
        // adult-labour indicators only, but the child list chosen too: every element is missing in the child list
        mvc.perform(create(id, prefix(), List.of("adult-labour", "child-labour")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ILO/EC list for children")));
        // the child list alone: each adult-labour indicator is of a list the checklist does not use
        mvc.perform(create(id, prefix(), List.of("child-labour")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("which this checklist does not use")));
        assertThat(count(id)).isZero();
    }

    @Test
    void aTakenOrMalformedCodeAMissingNameOrNoListIsRefusedAtItsField() throws Exception {
        mvc.perform(create("border", prefix(), List.of("adult-labour")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A checklist with this code exists already")));
        mvc.perform(create("Domestic Work!", prefix(), List.of("adult-labour")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write a code of 2 to 40 small letters")));
        mvc.perform(create(newId(), prefix(), List.of()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose at least one of the ILO/EC lists")));
        String id = newId();
        mvc.perform(create(id, prefix(), List.of("adult-labour"), "es"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write the name in this language")));
        // a question code of a shipped checklist
        mvc.perform(create(id, "LI0", List.of("adult-labour")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is already used by a question of another checklist")));
        assertThat(count(id)).isZero();
    }

    long count(String id) {
        return jdbc.sql("select count(*) from screening.checklist_version where checklist = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
