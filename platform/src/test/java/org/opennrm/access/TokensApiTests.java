package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class TokensApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganisationRegistry organisations;

    Account account(Role... roles) {
        String username = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(new AccountManagement.NewAccount(
                username,
                "Synthetic Client",
                null,
                organisations.all().getFirst().id(),
                Set.of(roles),
                "a long synthetic password"));
    }

    /** Creates a token through the API as the signed-in owner and returns its JSON answer. */
    String createToken(Account owner, String grantsJson) throws Exception {
        return mvc.perform(post("/api/v1/tokens")
                        .with(TestSignIn.as(TestSignIn.actorOf(owner)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"reporting script\",\"grants\":" + grantsJson + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static String bearer(String value) {
        return "Bearer " + value;
    }

    @Test
    void aTokenWithASubsetOfTheOwnersGrantsIsCreatedAndShownOnce() throws Exception {
        var owner = account(Role.REFERRER);
        String created = createToken(owner, "[\"organisations:read:all\"]");
        String value = JsonPath.read(created, "$.value");
        assertThat(value).startsWith("onrm_");
        assertThat(JsonPath.<java.util.List<String>>read(created, "$.token.grants"))
                .containsExactly("organisations:read:all");
        mvc.perform(get("/api/v1/tokens").with(TestSignIn.as(TestSignIn.actorOf(owner))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("reporting script"))
                .andExpect(jsonPath("$[0].active").value(true))
                .andExpect(content().string(not(containsString(value))));
    }

    @Test
    void aGrantTheOwnerLacksIsABadRequestProblem() throws Exception {
        var owner = account(Role.REFERRER);
        mvc.perform(post("/api/v1/tokens")
                        .with(TestSignIn.as(TestSignIn.actorOf(owner)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"too much\",\"grants\":[\"accounts:manage:all\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.grants[0]").value("accounts:manage:all"));
        mvc.perform(post("/api/v1/tokens")
                        .with(TestSignIn.as(TestSignIn.actorOf(owner)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"nonsense\",\"grants\":[\"flying:carpets:all\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/tokens")
                        .with(TestSignIn.as(TestSignIn.actorOf(owner)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"grants\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("name", "grants")));
    }

    @Test
    void aTokenAuthenticatesMeWithItsEffectiveGrants() throws Exception {
        var owner = account(Role.REFERRER);
        String value = JsonPath.read(
                createToken(owner, "[\"organisations:read:all\",\"referrals:read:organisation\"]"), "$.value");
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(value)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(owner.username()))
                .andExpect(jsonPath("$.organisationId")
                        .value(owner.organisationId().toString()))
                .andExpect(jsonPath("$.roles[0]").value("REFERRER"))
                .andExpect(jsonPath(
                        "$.grants", Matchers.contains("organisations:read:all", "referrals:read:organisation")))
                .andExpect(content().string(not(containsString("password"))));
        // the token carries no tokens:manage:own, so it cannot mint or list tokens
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer(value)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() throws Exception {
        var owner = account(Role.REFERRER);
        String created = createToken(owner, "[\"organisations:read:all\",\"tokens:manage:own\"]");
        String value = JsonPath.read(created, "$.value");
        String id = JsonPath.read(created, "$.token.id");
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(value)))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/tokens/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(value)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(value)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anotherAccountsTokenIsNotFound() throws Exception {
        var owner = account(Role.REFERRER);
        var stranger = account(Role.REFERRER);
        String id = JsonPath.read(createToken(owner, "[\"organisations:read:all\"]"), "$.token.id");
        mvc.perform(delete("/api/v1/tokens/{id}", id).with(TestSignIn.as(TestSignIn.actorOf(stranger))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tokens").with(TestSignIn.as(TestSignIn.actorOf(owner))))
                .andExpect(jsonPath("$[0].active").value(true));
    }

    @Test
    void aTokensGrantsShrinkWhenItsOwnerLosesARole() throws Exception {
        var owner = account(Role.REFERRER, Role.STATISTICIAN);
        String value =
                JsonPath.read(createToken(owner, "[\"organisations:read:all\",\"statistics:read:all\"]"), "$.value");
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(value)))
                .andExpect(jsonPath("$.grants", Matchers.contains("organisations:read:all", "statistics:read:all")));

        mvc.perform(put("/api/v1/accounts/{id}/roles", owner.id())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, owner.organisationId()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"REFERRER\"],\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", Matchers.contains("REFERRER")))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(value)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grants", Matchers.contains("organisations:read:all")));
    }

    @Test
    void aTokenOfADisabledAccountNoLongerAuthenticates() throws Exception {
        var owner = account(Role.REFERRER);
        String value = JsonPath.read(createToken(owner, "[\"organisations:read:all\"]"), "$.value");
        mvc.perform(
                        post("/accounts/{id}/disable", owner.id())
                                .with(TestSignIn.as(Role.ADMINISTRATOR, owner.organisationId()))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(value)))
                .andExpect(status().isUnauthorized());
    }
}
