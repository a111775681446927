package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Screening on a phone without a network: the app, its service worker and manifest are served in the pages'
 * session with a content security policy that allows them; a screening kept on the phone is sent with a key made
 * there, and a second send of the same key (the answer to the first was lost) finds the screening saved, never a
 * second one. A send the platform cannot accept is an RFC 9457 problem, so the phone keeps it and says why.
 */
@PlatformTest
class OfflineScreeningTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final UUID organisation = UUID.randomUUID();

    int saved(UUID key) {
        return jdbc.sql("select count(*) from screening.screening where idempotency_key = :key")
                .param("key", key)
                .query(Integer.class)
                .single();
    }

    String offline(UUID key, String checklist, String version, UUID organisationId) {
        return """
                {"key":"%s","checklist":"%s","checklistVersion":%s,"ageGroup":"ADULT","forms":["LABOUR_EXPLOITATION"],
                 "answers":{"OU01":"YES","OU04":"YES","OU09":"YES"}}""".formatted(key, checklist, version == null ? "null" : "\"" + version + "\"");
    }

    @Test
    void aScreeningSentTwiceWithOneKeyIsSavedOnce() throws Exception {
        var key = UUID.randomUUID();
        String body = offline(key, "outreach", "outreach/r1", organisation);
        String first = mvc.perform(post("/screening/offline/screenings")
                        .with(as(Role.REFERRER, organisation))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true))
                .andExpect(jsonPath("$.checklistVersion").value("outreach/r1"))
                .andExpect(jsonPath("$.result", containsString("/screening/results/")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/screening/offline/screenings")
                        .with(as(Role.REFERRER, organisation))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false))
                .andExpect(jsonPath("$.id").value((String) JsonPath.read(first, "$.id")));
        assertThat(saved(key)).isEqualTo(1);
    }

    @Test
    void theApiTakesTheSameKeyInAHeader() throws Exception {
        var key = UUID.randomUUID();
        String body = """
                {"checklist":"border","answers":{"BO01":"YES"}}""";
        String id = JsonPath.read(
                mvc.perform(post("/api/v1/screenings")
                                .with(as(Role.CASE_MANAGER, organisation))
                                .header("Idempotency-Key", key.toString())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(post("/api/v1/screenings")
                        .with(as(Role.CASE_MANAGER, organisation))
                        .header("Idempotency-Key", key.toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", endsWith("/api/v1/screenings/" + id)))
                .andExpect(jsonPath("$.id").value(id));
        assertThat(saved(key)).isEqualTo(1);
        // a key is one organisation's: another organisation sending the same key gets a screening of its own
        var other = UUID.randomUUID();
        mvc.perform(post("/api/v1/screenings")
                        .with(as(Role.CASE_MANAGER, other))
                        .header("Idempotency-Key", key.toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.organisationId").value(other.toString()));
        assertThat(saved(key)).isEqualTo(2);
    }

    @Test
    void aSendThePlatformCannotAcceptIsAProblemAndSavesNothing() throws Exception {
        var key = UUID.randomUUID();
        mvc.perform(post("/screening/offline/screenings")
                        .with(as(Role.REFERRER, organisation))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(offline(key, "outreach", "outreach/r999", organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Checklist \"outreach\" has no version \"outreach/r999\"."));
        // the phone shows the reason beside the screening it keeps: in the screener's language
        mvc.perform(post("/screening/offline/screenings")
                        .with(as(Role.REFERRER, organisation))
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(offline(key, "outreach", "outreach/r999", organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:ChecklistUnknown"))
                .andExpect(jsonPath("$.detail").value("La liste « outreach » n'a pas de version « outreach/r999 »."));
        mvc.perform(post("/screening/offline/screenings")
                        .with(as(Role.REFERRER, organisation))
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(offline(key, "outreach", null, organisation).replace("\"ADULT\"", "\"TEEN\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("« TEEN » n'est pas une tranche d'âge : choisissez Adulte, Enfant ou Âge inconnu."));
        mvc.perform(post("/screening/offline/screenings")
                        .with(as(Role.REFERRER, organisation))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checklist\":\"outreach\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(saved(key)).isZero();
        // without the page's CSRF token nothing is saved (the app then asks to sign in again)
        mvc.perform(post("/screening/offline/screenings")
                        .with(as(Role.REFERRER, organisation))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(offline(key, "outreach", null, organisation)))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(302, 401, 403));
        assertThat(saved(key)).isZero();
    }

    @Test
    void theAppItsServiceWorkerAndManifestAreServedToScreeners() throws Exception {
        mvc.perform(get("/screening/offline/app").with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/screening/offline/manifest.webmanifest")))
                .andExpect(content().string(containsString("/assets/js/offline-screening.js")))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
        mvc.perform(get("/screening/offline/sw.js").with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(content().string(containsString("addEventListener('fetch'")));
        mvc.perform(get("/screening/offline/manifest.webmanifest").with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope", endsWith("/screening/offline/")))
                .andExpect(jsonPath("$.start_url", endsWith("/screening/offline/app")))
                .andExpect(jsonPath("$.icons[0].sizes").value("192x192"));
        mvc.perform(get("/screening/offline/checklists").with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checklists[0].id").value("labour-inspection"))
                .andExpect(jsonPath("$.checklists[0].sections[0].questions[0].text")
                        .isNotEmpty())
                .andExpect(jsonPath("$.answers.DONT_KNOW").value("Don't know"));
        mvc.perform(get("/assets/img/screening-192.png")).andExpect(status().isOk());
    }
}
