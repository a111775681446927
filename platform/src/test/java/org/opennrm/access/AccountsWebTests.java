package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class AccountsWebTests {

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

    @Autowired
    JdbcClient jdbc;

    UUID organisation() {
        return organisations.all().getFirst().id();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Account account(Role... roles) {
        String username = unique("acc");
        return accounts.create(new AccountManagement.NewAccount(
                username, "Synthetic Person", username + "@example.org", organisation(), Set.of(roles), PASSWORD));
    }

    List<String> audit(UUID accountId, String action) {
        return jdbc.sql("select coalesce(detail, '') from access.audit_entry"
                        + " where record_type = 'account' and record_id = :id and action = :action order by id")
                .param("id", accountId.toString())
                .param("action", action)
                .query(String.class)
                .list();
    }

    @Test
    void invalidNewAccountShowsFieldErrorsAndSavesNothing() throws Exception {
        long before = accounts.count();
        mvc.perform(post("/accounts")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .with(csrf())
                        .param("username", "bad name!")
                        .param("displayName", " ")
                        .param("email", "not-an-address")
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(
                                "form", "username", "displayName", "email", "organisationId", "roles", "password"))
                .andExpect(content().string(containsString("Use only letters, digits and . _ @ - in a user name.")))
                .andExpect(content().string(containsString("A password needs at least 12 characters.")))
                .andExpect(content().string(containsString("Choose at least one role.")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void fieldErrorsAreShownInThePersonsLanguage() throws Exception {
        mvc.perform(post("/accounts")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .with(csrf())
                        .param("lang", "fr")
                        .header("Accept-Language", "fr")
                        .param("username", "")
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Un mot de passe doit compter au moins 12 caractères.")));
    }

    @Test
    void validNewAccountIsStoredAndAudited() throws Exception {
        String username = unique("new");
        mvc.perform(post("/accounts")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "Synthetic Newcomer")
                        .param("email", username + "@example.org")
                        .param("organisationId", organisation().toString())
                        .param("roles", "REFERRER", "STATISTICIAN")
                        .param("password", PASSWORD))
                .andExpect(redirectedUrlPattern("/accounts/*"))
                .andExpect(flash().attribute("flash", "account.flash.created"));
        var stored = storedAccounts.findByUsername(username).orElseThrow();
        assertThat(stored.roles()).containsExactlyInAnyOrder(Role.REFERRER, Role.STATISTICIAN);
        assertThat(passwords.matches(PASSWORD, stored.passwordHash())).isTrue();
        assertThat(audit(stored.id(), "ACCOUNT_CREATED")).containsExactly("roles REFERRER,STATISTICIAN");
    }

    @Test
    void aTakenUserNameIsRefusedOnTheForm() throws Exception {
        var existing = account(Role.REFERRER);
        mvc.perform(post("/accounts")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .with(csrf())
                        .param("username", existing.username().toUpperCase())
                        .param("displayName", "Someone Else")
                        .param("organisationId", organisation().toString())
                        .param("roles", "REFERRER")
                        .param("password", PASSWORD))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "username", "account.username.taken"))
                .andExpect(content().string(containsString("An account with this user name already exists.")));
    }

    @Test
    void listFiltersByTextOrganisationAndRole() throws Exception {
        var statistician = account(Role.STATISTICIAN);
        var referrer = account(Role.REFERRER);
        mvc.perform(get("/accounts")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .param("q", statistician.username().substring(4))
                        .param("organisation", organisation().toString())
                        .param("role", "STATISTICIAN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(statistician.username())))
                .andExpect(content().string(not(containsString(referrer.username()))));
    }

    @Test
    void readingAnAccountPageIsAudited() throws Exception {
        var account = account(Role.REFERRER);
        mvc.perform(get("/accounts/{id}", account.id()).with(TestSignIn.as(Role.COORDINATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(account.username())))
                .andExpect(content().string(not(containsString("id=\"disable\""))));
        assertThat(audit(account.id(), "READ")).hasSize(1);
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        mvc.perform(get("/accounts/{id}", UUID.randomUUID()).with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRoleChangeIsAuditedAsPermissionChangedWithRoleNames() throws Exception {
        var account = account(Role.REFERRER);
        mvc.perform(post("/accounts/{id}/edit", account.id())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .with(csrf())
                        .param("displayName", account.displayName())
                        .param("email", account.email())
                        .param("roles", "REFERRER", "CASE_MANAGER")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/accounts/" + account.id()));
        assertThat(storedAccounts.findById(account.id()).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.REFERRER, Role.CASE_MANAGER);
        assertThat(audit(account.id(), "PERMISSION_CHANGED"))
                .containsExactly("roles REFERRER -> CASE_MANAGER,REFERRER");
        assertThat(audit(account.id(), "ACCOUNT_CHANGED")).isEmpty();
    }

    @Test
    void aStaleEditShowsTheConflictAndKeepsWhatWasTyped() throws Exception {
        var account = account(Role.REFERRER);
        mvc.perform(post("/accounts/{id}/edit", account.id())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .with(csrf())
                        .param("displayName", "First Writer")
                        .param("roles", "REFERRER")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/accounts/{id}/edit", account.id())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .with(csrf())
                        .param("displayName", "Second Writer")
                        .param("roles", "STATISTICIAN")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("conflict", true))
                .andExpect(content().string(containsString("Someone else changed this record while you were editing")))
                .andExpect(content().string(containsString("value=\"Second Writer\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        var stored = storedAccounts.findById(account.id()).orElseThrow();
        assertThat(stored.displayName()).isEqualTo("First Writer");
        assertThat(stored.roles()).containsExactly(Role.REFERRER);
    }

    @Test
    void anAdministratorCannotRemoveTheirOwnAdministratorRoleNorDisableThemselves() throws Exception {
        var admin = account(Role.ADMINISTRATOR);
        mvc.perform(post("/accounts/{id}/edit", admin.id())
                        .with(TestSignIn.as(TestSignIn.actorOf(admin)))
                        .with(csrf())
                        .param("displayName", admin.displayName())
                        .param("roles", "COORDINATOR")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You cannot remove your own administrator role.")));
        mvc.perform(post("/accounts/{id}/disable", admin.id())
                        .with(TestSignIn.as(TestSignIn.actorOf(admin)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/accounts/" + admin.id()))
                .andExpect(flash().attribute("refused", "account.refused.disableSelf"));
        var stored = storedAccounts.findById(admin.id()).orElseThrow();
        assertThat(stored.roles()).containsExactly(Role.ADMINISTRATOR);
        assertThat(stored.enabled()).isTrue();
        assertThat(audit(admin.id(), "PERMISSION_CHANGED")).isEmpty();
    }

    @Test
    void aCoordinatorReadsAccountsButCannotChangeThem() throws Exception {
        var account = account(Role.REFERRER);
        var coordinator = TestSignIn.as(Role.COORDINATOR, organisation());
        mvc.perform(get("/accounts").with(coordinator))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"new-account\""))));
        mvc.perform(get("/accounts/{id}", account.id()).with(coordinator)).andExpect(status().isOk());
        mvc.perform(get("/accounts/new").with(coordinator)).andExpect(status().isForbidden());
        mvc.perform(post("/accounts/{id}/disable", account.id())
                        .with(coordinator)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/{id}/edit", account.id())
                        .with(coordinator)
                        .with(csrf())
                        .param("displayName", "Changed")
                        .param("roles", "ADMINISTRATOR")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts")
                        .with(coordinator)
                        .with(csrf())
                        .param("username", unique("coord"))
                        .param("displayName", "Nobody")
                        .param("organisationId", organisation().toString())
                        .param("roles", "ADMINISTRATOR")
                        .param("password", PASSWORD))
                .andExpect(status().isForbidden());
        var stored = storedAccounts.findById(account.id()).orElseThrow();
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.roles()).containsExactly(Role.REFERRER);
    }

    @Test
    void otherRolesCannotSeeAccounts() throws Exception {
        mvc.perform(get("/accounts").with(TestSignIn.as(Role.CASE_MANAGER, organisation())))
                .andExpect(status().isForbidden());
    }

    @Test
    void disableEnableUnlockResetAndSetPasswordAreAudited() throws Exception {
        var account = account(Role.CASE_MANAGER);
        var stored = storedAccounts.findById(account.id()).orElseThrow();
        stored.failSignIn(1, Duration.ofMinutes(15), Instant.now());
        // a real ciphertext: other tests (key rotation) re-encrypt every stored secret
        stored.startSecondFactorEnrolment(
                protection.encrypt("SYNTHETICTOTPSECRET", SecondFactorController.secretContext(stored)));
        stored.confirmSecondFactor(Instant.now(), List.of("hash-1", "hash-2"));
        storedAccounts.update(stored);
        var admin = TestSignIn.as(Role.ADMINISTRATOR, organisation());

        mvc.perform(get("/accounts/{id}", account.id()).with(admin))
                .andExpect(content().string(containsString("id=\"unlock\"")))
                .andExpect(content().string(containsString("id=\"reset-second-factor\"")));
        mvc.perform(post("/accounts/{id}/unlock", account.id()).with(admin).with(csrf()))
                .andExpect(flash().attribute("flash", "account.flash.unlocked"));
        mvc.perform(post("/accounts/{id}/second-factor/reset", account.id())
                        .with(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/accounts/{id}/disable", account.id()).with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(storedAccounts.findById(account.id()).orElseThrow().enabled())
                .isFalse();
        mvc.perform(post("/accounts/{id}/enable", account.id()).with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/accounts/{id}/password", account.id())
                        .with(admin)
                        .with(csrf())
                        .param("newPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("passwordForm", "newPassword"));
        mvc.perform(post("/accounts/{id}/password", account.id())
                        .with(admin)
                        .with(csrf())
                        .param("newPassword", "another synthetic password"))
                .andExpect(flash().attribute("flash", "account.flash.passwordSet"));

        var after = storedAccounts.findById(account.id()).orElseThrow();
        assertThat(after.isLocked(Instant.now())).isFalse();
        assertThat(after.hasSecondFactor()).isFalse();
        assertThat(after.totpSecret()).isNull();
        assertThat(after.remainingRecoveryCodes()).isZero();
        assertThat(after.enabled()).isTrue();
        assertThat(passwords.matches("another synthetic password", after.passwordHash()))
                .isTrue();
        assertThat(audit(account.id(), "ACCOUNT_CHANGED")).containsExactly("unlocked", "disabled", "enabled");
        assertThat(audit(account.id(), "SECOND_FACTOR_RESET")).hasSize(1);
        assertThat(audit(account.id(), "PASSWORD_CHANGED")).containsExactly("set by an administrator");
    }
}
