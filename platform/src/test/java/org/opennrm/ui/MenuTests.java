package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.KeptPage;
import org.opennrm.PlatformTest;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The layout's menu is kept per language and set of authorities, and the page frame around it per language and
 * person: each person still sees only their links and their own name, and each page its request's own CSRF token.
 */
@PlatformTest
@TestPropertySource(properties = PlatformTest.SESSIONS_IN_MEMORY)
class MenuTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry organisations;

    UUID organisation;

    @BeforeEach
    void anOrganisation() {
        organisation = organisations.all().getFirst().id();
    }

    /** Browsers ask every site for its icon: answered to anyone, as an image, never the 404 it used to be. */
    @Test
    void theIconIsThereForEveryBrowser() throws Exception {
        var icon = mvc.perform(get("/favicon.ico"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(icon.getContentType()).isEqualTo("image/png");
        assertThat(icon.getHeader("Cache-Control")).contains("max-age=604800");
        assertThat(icon.getContentAsByteArray()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(page)
                .contains(
                        "<link rel=\"icon\" type=\"image/png\" sizes=\"192x192\" href=\"/assets/img/screening-192.png\">");
    }

    String menuOf(Role role, String language) throws Exception {
        String page = mvc.perform(get("/account/tokens").param("lang", language).with(as(role, organisation)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return page.substring(page.indexOf("<nav"), page.indexOf("</nav>"));
    }

    @Test
    void eachRoleSeesItsOwnLinksEvenWhenAnotherRolesMenuIsKept() throws Exception {
        for (int twice = 0; twice < 2; twice++) {
            var caseManager = menuOf(Role.CASE_MANAGER, "en");
            var administrator = menuOf(Role.ADMINISTRATOR, "en");

            assertThat(caseManager).contains("href=\"/cases/queue\"").doesNotContain("href=\"/accounts\"");
            assertThat(administrator).contains("href=\"/accounts\"").doesNotContain("href=\"/cases/queue\"");
            assertThat(caseManager).contains("href=\"/account/tokens\"").contains("href=\"/\"");
        }
    }

    @Test
    void theMenuSpeaksThePagesLanguage() throws Exception {
        var english = menuOf(Role.CASE_MANAGER, "en");
        var french = menuOf(Role.CASE_MANAGER, "fr");

        assertThat(english).contains(">NRM queue<");
        assertThat(french).doesNotContain(">NRM queue<").contains("href=\"/cases/queue\"");
    }

    @Test
    void theKeptFrameCarriesEachRequestsOwnTokenAndThePersonsOwnName() throws Exception {
        var reader = TestSignIn.actor(Role.CASE_MANAGER, organisation);
        var session = new MockHttpSession();
        String first = pageAs(reader, session, "en");
        String second = pageAs(reader, session, "en");

        String token = csrfTokenOf(second);
        assertThat(second).doesNotContain(KeptPage.MARK).contains(">" + reader.getName() + "<");
        assertThat(token).as("masked anew for each request").isNotEqualTo(csrfTokenOf(first));
        String signOut = second.substring(second.indexOf("<form method=\"post\" class=\"inline\" action=\"/logout\""));
        assertThat(signOut.substring(0, signOut.indexOf("</form>")))
                .as("the sign-out form carries the page's token")
                .contains("name=\"_csrf\" value=\"" + token + "\"");
        mvc.perform(post("/logout").session(session).param("_csrf", token).with(as(reader)))
                .andExpect(status().is3xxRedirection());

        var officer = TestSignIn.actor(Role.IDENTIFICATION_OFFICER, organisation);
        String officers = pageAs(officer, new MockHttpSession(), "en");
        assertThat(officers).contains(">" + officer.getName() + "<").doesNotContain(">" + reader.getName() + "<");

        String french = pageAs(reader, new MockHttpSession(), "fr");
        assertThat(french).contains("<html lang=\"fr\">").doesNotContain(">Sign out<");
        assertThat(second).contains(">Sign out<");
    }

    @Test
    void someoneNotSignedInGetsAFrameWithoutMenuOrSignOut() throws Exception {
        String login = mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(login).contains("<meta name=\"_csrf\" content=\"").contains("href=\"?lang=fr\"");
        assertThat(login)
                .doesNotContain("<nav")
                .doesNotContain("action=\"/logout\"")
                .doesNotContain(KeptPage.MARK);
    }

    private String pageAs(Actor reader, MockHttpSession session, String language) throws Exception {
        return mvc.perform(get("/account/tokens")
                        .param("lang", language)
                        .session(session)
                        .with(as(reader)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String csrfTokenOf(String page) {
        var found = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(found.find()).as("a CSRF token in the page").isTrue();
        return found.group(1);
    }
}
