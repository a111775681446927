package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
@TestPropertySource(properties = PlatformTest.SESSIONS_IN_MEMORY)
class SignInTests {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    Account account(Role role) {
        UUID organisation = organisations.all().getFirst().id();
        String username = "signin-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(new AccountManagement.NewAccount(
                username, "Test Person", username + "@example.org", organisation, Set.of(role), PASSWORD));
    }

    @Test
    void aRoleWithoutCaseFilesSignsInWithPasswordAlone() throws Exception {
        var referrer = account(Role.REFERRER);
        var result = mvc.perform(formLogin("/login").user(referrer.username()).password(PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        var session = (MockHttpSession) result.getRequest().getSession();
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(auditActions(referrer)).contains("SIGN_IN");
    }

    @Test
    void aRoleThatOpensCaseFilesMustEnrolAndUseASecondFactor() throws Exception {
        var manager = account(Role.CASE_MANAGER);
        var session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(manager.username()).password(PASSWORD))
                        .andExpect(redirectedUrl("/sign-in/second-factor/enrol"))
                        .andReturn()
                        .getRequest()
                        .getSession();

        // with only the password, every page leads to the second factor
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/sign-in/second-factor"));
        mvc.perform(get("/api/v1/organisations").session(session)).andExpect(status().isUnauthorized());

        // the page names nobody yet: no internal text of the half-finished sign-in, no sign-out link with a name
        mvc.perform(get("/sign-in/second-factor/enrol").session(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("PendingSignIn"))))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("class=\"who\""))));
        String secret = (String) session.getAttribute("opennrm.enrolment-secret");
        mvc.perform(post("/sign-in/second-factor/enrol")
                        .session(session)
                        .with(csrf())
                        .param("code", "000000"))
                .andExpect(model().attribute("invalid", true));
        mvc.perform(post("/sign-in/second-factor/enrol")
                        .session(session)
                        .with(csrf())
                        .param("code", Browser.totp(secret, Instant.now())))
                .andExpect(model().attributeExists("recoveryCodes"));
        mvc.perform(post("/sign-in/second-factor/enrol/done").session(session).with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());

        // the secret is stored encrypted, never in clear text
        String stored = jdbc.sql("select totp_secret from access.account where id = :id")
                .param("id", manager.id())
                .query(String.class)
                .single();
        assertThat(stored).isNotBlank().doesNotContain(secret);

        // next time: password, then the app's code
        var next = (MockHttpSession)
                mvc.perform(formLogin("/login").user(manager.username()).password(PASSWORD))
                        .andExpect(redirectedUrl("/sign-in/second-factor"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(post("/sign-in/second-factor").session(next).with(csrf()).param("code", "123456"))
                .andExpect(model().attribute("invalid", true));
        // the code that confirmed the enrolment is used up: the app's next code (within one step of drift) works
        mvc.perform(post("/sign-in/second-factor")
                        .session(next)
                        .with(csrf())
                        .param("code", Browser.totp(secret, Instant.now().plusSeconds(30))))
                .andExpect(redirectedUrl("/"));
        assertThat(auditActions(manager)).contains("SECOND_FACTOR_ENROLLED", "SECOND_FACTOR_FAILED", "SIGN_IN");
    }

    @Test
    void anAuthenticatorCodeIsAcceptedOnceEvenWithinItsWindow() throws Exception {
        var officer = account(Role.IDENTIFICATION_OFFICER);
        var enrolling = signInWithPassword(officer);
        mvc.perform(get("/sign-in/second-factor/enrol").session(enrolling));
        String secret = (String) enrolling.getAttribute("opennrm.enrolment-secret");
        String enrolmentCode = Browser.totp(secret, Instant.now());
        mvc.perform(post("/sign-in/second-factor/enrol")
                        .session(enrolling)
                        .with(csrf())
                        .param("code", enrolmentCode))
                .andExpect(model().attributeExists("recoveryCodes"));
        // the code that confirmed the enrolment cannot sign in again
        var replayingEnrolment = signInWithPassword(officer);
        mvc.perform(post("/sign-in/second-factor")
                        .session(replayingEnrolment)
                        .with(csrf())
                        .param("code", enrolmentCode))
                .andExpect(model().attribute("invalid", true));

        String code = Browser.totp(secret, Instant.now().plusSeconds(30));
        var first = signInWithPassword(officer);
        mvc.perform(post("/sign-in/second-factor").session(first).with(csrf()).param("code", code))
                .andExpect(redirectedUrl("/"));
        // the same code again, in another session, well within its 30-second window: refused as a replay
        var replay = signInWithPassword(officer);
        mvc.perform(post("/sign-in/second-factor").session(replay).with(csrf()).param("code", code))
                .andExpect(model().attribute("invalid", true));
        // and so is an older code that was never used: only codes after the last accepted one count
        mvc.perform(post("/sign-in/second-factor")
                        .session(replay)
                        .with(csrf())
                        .param("code", Browser.totp(secret, Instant.now().minusSeconds(30))))
                .andExpect(model().attribute("invalid", true));
        assertThat(auditActions(officer)).contains("SECOND_FACTOR_FAILED");
    }

    @Test
    void aRecoveryCodeWorksOnceInsteadOfTheApp() throws Exception {
        var manager = account(Role.IDENTIFICATION_OFFICER);
        var session = signInWithPassword(manager);
        mvc.perform(get("/sign-in/second-factor/enrol").session(session));
        String secret = (String) session.getAttribute("opennrm.enrolment-secret");
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) mvc.perform(post("/sign-in/second-factor/enrol")
                        .session(session)
                        .with(csrf())
                        .param("code", Browser.totp(secret, Instant.now())))
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();

        var first = signInWithPassword(manager);
        mvc.perform(post("/sign-in/second-factor").session(first).with(csrf()).param("code", codes.get(3)))
                .andExpect(redirectedUrl("/"));
        var second = signInWithPassword(manager);
        mvc.perform(post("/sign-in/second-factor").session(second).with(csrf()).param("code", codes.get(3)))
                .andExpect(model().attribute("invalid", true));
        assertThat(auditActions(manager)).contains("RECOVERY_CODE_USED");
    }

    @Test
    void repeatedFailedSignInsLockTheAccountEvenForTheRightPassword() throws Exception {
        var referrer = account(Role.REFERRER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(referrer.username()).password("wrong password " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(referrer.username()).password(PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(auditActions(referrer))
                .contains("SIGN_IN_FAILED", "ACCOUNT_LOCKED")
                .doesNotContain("SIGN_IN");
    }

    @Test
    void anUnknownUserNameFailsLikeAWrongPassword() throws Exception {
        mvc.perform(formLogin("/login").user("nobody-" + UUID.randomUUID()).password(PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login")).andExpect(result -> {
            var response = result.getResponse();
            assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        });
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        var referrer = account(Role.REFERRER);
        // without a session the refusal sends the person back to sign in; with one it is a plain 403
        mvc.perform(post("/login").param("username", referrer.username()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?expired"));
        var session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(referrer.username()).password(PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/").session(session)).andExpect(status().isOk()); // the page's forms carry a token
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(session)).andExpect(status().isOk()); // still signed in
        assertThat(auditActions(referrer)).containsExactly("SIGN_IN");
    }

    private MockHttpSession signInWithPassword(Account account) throws Exception {
        return (MockHttpSession)
                mvc.perform(formLogin("/login").user(account.username()).password(PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
    }

    private List<String> auditActions(Account account) {
        return jdbc.sql("select action from access.audit_entry where account_id = :id order by id")
                .param("id", account.id())
                .query(String.class)
                .list();
    }
}
