package org.opennrm.access;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
@TestPropertySource(properties = PlatformTest.SESSIONS_IN_MEMORY)
class AccountSessionCheckTests {

    static final String PASSWORD = "a long synthetic password";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganisationRegistry organisations;

    Account account() {
        String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(new AccountManagement.NewAccount(
                username,
                "Synthetic Session",
                null,
                organisations.all().getFirst().id(),
                Set.of(Role.REFERRER, Role.STATISTICIAN),
                PASSWORD));
    }

    MockHttpSession signIn(Account account) throws Exception {
        var session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(account.username()).password(PASSWORD))
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        return session;
    }

    @Test
    void aSessionEndsAtItsNextRequestOnceTheAccountIsDisabled() throws Exception {
        var account = account();
        var session = signIn(account);
        mvc.perform(post("/accounts/{id}/disable", account.id())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, account.organisationId()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void aSessionEndsAtItsNextRequestOnceTheRolesChange() throws Exception {
        var account = account();
        var session = signIn(account);
        mvc.perform(post("/accounts/{id}/edit", account.id())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, account.organisationId()))
                        .with(csrf())
                        .param("displayName", account.displayName())
                        .param("roles", "REFERRER")
                        // signing in counted as a change (failed sign-ins reset): take the version now
                        .param(
                                "version",
                                String.valueOf(accounts.find(account.id())
                                        .orElseThrow()
                                        .version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/account/tokens").session(session)).andExpect(redirectedUrl("/login?expired"));
        // signing in again gives a session with the new roles
        var again = signIn(account);
        mvc.perform(get("/account/tokens").session(again)).andExpect(status().isOk());
    }

    @Test
    void anUnchangedAccountKeepsItsSession() throws Exception {
        var account = account();
        var session = signIn(account);
        mvc.perform(get("/account/tokens").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anAccountDisabledByAnotherInstanceEndsTheSessionOnceWhatWasCheckedExpires() throws Exception {
        var account = account();
        var session = signIn(account);
        // another instance of the platform writes the account: this process counts no change
        jdbc.sql("update access.account set enabled = false where id = :id")
                .param("id", account.id())
                .update();
        // what was read at the last request is kept for opennrm.security.session-check-ttl (1 s)
        Thread.sleep(1_100);
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?expired"));
    }
}
