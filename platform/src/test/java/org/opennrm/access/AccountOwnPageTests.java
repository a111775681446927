package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class AccountOwnPageTests {

    static final String PASSWORD = "a long synthetic password";

    @Autowired
    IdentityProtection protection;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Accounts storedAccounts;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    PasswordEncoder passwords;

    Account account(Role role) {
        String username = "own-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(new AccountManagement.NewAccount(
                username,
                "Synthetic Holder",
                null,
                organisations.all().getFirst().id(),
                Set.of(role),
                PASSWORD));
    }

    @Test
    void theOwnAccountPageShowsProfileAndSecondFactorStatus() throws Exception {
        var account = account(Role.CASE_MANAGER);
        var stored = storedAccounts.findById(account.id()).orElseThrow();
        // a real ciphertext: other tests (key rotation) re-encrypt every stored secret
        stored.startSecondFactorEnrolment(
                protection.encrypt("SYNTHETICTOTPSECRET", SecondFactorController.secretContext(stored)));
        stored.confirmSecondFactor(Instant.parse("2026-01-05T10:00:00Z"), List.of("h1", "h2", "h3", "h4"));
        storedAccounts.update(stored);
        mvc.perform(get("/account").with(TestSignIn.as(TestSignIn.actorOf(account))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(account.username())))
                .andExpect(content().string(containsString("Case manager")))
                .andExpect(content().string(containsString("set up on 2026-01-05; 4 recovery codes left")));
    }

    @Test
    void changingTheOwnPasswordNeedsTheCurrentOneAndTheNewOneTwice() throws Exception {
        var account = account(Role.REFERRER);
        var self = TestSignIn.as(TestSignIn.actorOf(account));
        mvc.perform(post("/account/password")
                        .with(self)
                        .with(csrf())
                        .param("currentPassword", "not the password")
                        .param("newPassword", "a new synthetic password")
                        .param("repeatPassword", "a new synthetic password"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(
                                "passwordForm", "currentPassword", "account.refused.currentPassword"));
        mvc.perform(post("/account/password")
                        .with(self)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", "a new synthetic password")
                        .param("repeatPassword", "a different password"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(
                                "passwordForm", "repeatPassword", "account.password.mismatch"));
        mvc.perform(post("/account/password")
                        .with(self)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", "too short")
                        .param("repeatPassword", "too short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("passwordForm", "newPassword"));
        assertThat(passwords.matches(
                        PASSWORD,
                        storedAccounts.findById(account.id()).orElseThrow().passwordHash()))
                .isTrue();

        mvc.perform(post("/account/password")
                        .with(self)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", "a new synthetic password")
                        .param("repeatPassword", "a new synthetic password"))
                .andExpect(redirectedUrl("/account"));
        assertThat(passwords.matches(
                        "a new synthetic password",
                        storedAccounts.findById(account.id()).orElseThrow().passwordHash()))
                .isTrue();
    }
}
