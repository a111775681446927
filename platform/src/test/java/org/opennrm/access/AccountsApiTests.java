package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class AccountsApiTests {

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
    JdbcClient jdbc;

    UUID organisation() {
        return organisations.all().getFirst().id();
    }

    Account account(Role... roles) {
        String username = "api-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(new AccountManagement.NewAccount(
                username, "Synthetic Api Person", null, organisation(), Set.of(roles), "a long synthetic password"));
    }

    @Test
    void anAdministratorCreatesAnAccount() throws Exception {
        String username = "api-new-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/accounts")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Synthetic Api Newcomer","email":"%s@example.org",
                                 "organisationId":"%s","roles":["GUARDIAN"],"password":"a long synthetic password"}""".formatted(username, username, organisation())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/accounts/")))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value("GUARDIAN"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(content().string(not(containsString("password"))))
                .andExpect(content().string(not(containsString("argon"))));
        assertThat(storedAccounts.findByUsername(username)).isPresent();
    }

    @Test
    void invalidInputIsABadRequestWithFieldErrorsAndSavesNothing() throws Exception {
        long before = accounts.count();
        mvc.perform(post("/api/v1/accounts")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"username\":\"\",\"displayName\":\"X\",\"organisationId\":\"%s\",\"roles\":[],\"password\":\"short\"}"
                                        .formatted(organisation())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("username", "roles", "password")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void anUnknownRoleIsABadRequestNotAServerError() throws Exception {
        var account = account(Role.REFERRER);
        mvc.perform(put("/api/v1/accounts/{id}/roles", account.id())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"SUPERUSER\"],\"version\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(put("/api/v1/accounts/{id}/roles", account.id())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":"))
                .andExpect(status().isBadRequest());
        assertThat(storedAccounts.findById(account.id()).orElseThrow().roles()).containsExactly(Role.REFERRER);
    }

    @Test
    void aDuplicateUserNameIsABadRequestOnTheUserNameField() throws Exception {
        var existing = account(Role.REFERRER);
        mvc.perform(post("/api/v1/accounts")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Copy","organisationId":"%s","roles":["REFERRER"],
                                 "password":"a long synthetic password"}""".formatted(existing.username(), organisation())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void aStaleRoleChangeIsAConflictAndChangesNothing() throws Exception {
        var account = account(Role.REFERRER);
        var admin = TestSignIn.as(Role.ADMINISTRATOR, organisation());
        mvc.perform(put("/api/v1/accounts/{id}/roles", account.id())
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"STATISTICIAN\"],\"version\":0}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/accounts/{id}/roles", account.id())
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"ADMINISTRATOR\"],\"version\":0}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(storedAccounts.findById(account.id()).orElseThrow().roles()).containsExactly(Role.STATISTICIAN);
        List<String> details = jdbc.sql("select detail from access.audit_entry where action = 'PERMISSION_CHANGED'"
                        + " and record_id = :id order by id")
                .param("id", account.id().toString())
                .query(String.class)
                .list();
        assertThat(details).containsExactly("roles REFERRER -> STATISTICIAN");
    }

    @Test
    void readsShowNoSecretAndAreAudited() throws Exception {
        var account = account(Role.CASE_MANAGER);
        var stored = storedAccounts.findById(account.id()).orElseThrow();
        String sealedSecret = protection.encrypt("SYNTHETICTOTPSECRET", SecondFactorController.secretContext(stored));
        stored.startSecondFactorEnrolment(sealedSecret);
        stored.confirmSecondFactor(Instant.now(), List.of("recovery-code-hash-value"));
        storedAccounts.update(stored);
        var coordinator = TestSignIn.as(Role.COORDINATOR, organisation());
        mvc.perform(get("/api/v1/accounts/{id}", account.id()).with(coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secondFactorSetUp").value(true))
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(content().string(not(containsString(sealedSecret))))
                .andExpect(content().string(not(containsString("recovery-code-hash-value"))))
                .andExpect(content().string(not(containsString("$argon2"))));
        mvc.perform(get("/api/v1/accounts").param("role", "CASE_MANAGER").with(coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", Matchers.hasItem(account.username())))
                .andExpect(jsonPath("$[*].roles[*]", Matchers.everyItem(Matchers.is("CASE_MANAGER"))));
        long reads = jdbc.sql("select count(*) from access.audit_entry where action = 'READ' and record_id = :id")
                .param("id", account.id().toString())
                .query(Long.class)
                .single();
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void aCoordinatorCannotChangeAccountsThroughTheApi() throws Exception {
        var account = account(Role.REFERRER);
        mvc.perform(put("/api/v1/accounts/{id}/roles", account.id())
                        .with(TestSignIn.as(Role.COORDINATOR, organisation()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"ADMINISTRATOR\"],\"version\":0}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts").with(TestSignIn.as(Role.REFERRER, organisation())))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorCannotRemoveTheirOwnAdministratorRoleThroughTheApi() throws Exception {
        var admin = account(Role.ADMINISTRATOR);
        mvc.perform(put("/api/v1/accounts/{id}/roles", admin.id())
                        .with(TestSignIn.as(TestSignIn.actorOf(admin)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"COORDINATOR\"],\"version\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("own administrator role")));
        assertThat(storedAccounts.findById(admin.id()).orElseThrow().roles()).containsExactly(Role.ADMINISTRATOR);
    }
}
