package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.AccessTokens.CreatedToken;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class TokensPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AccessTokens tokens;

    @Autowired
    OrganisationRegistry organisations;

    Account account(Role role) {
        String username = "tokpage-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(new AccountManagement.NewAccount(
                username,
                "Synthetic Token Owner",
                null,
                organisations.all().getFirst().id(),
                Set.of(role),
                "a long synthetic password"));
    }

    @Test
    void aTokenCreatedOnThePageIsShownOnceAndListedWithoutItsValue() throws Exception {
        var owner = account(Role.STATISTICIAN);
        var self = TestSignIn.as(TestSignIn.actorOf(owner));
        var result = mvc.perform(post("/account/tokens")
                        .with(self)
                        .with(csrf())
                        .param("name", "dashboard export")
                        .param("expiresOn", LocalDate.now().plusDays(30).toString())
                        .param("grants", "statistics:read:all"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("It is not shown again")))
                .andReturn();
        String value = ((CreatedToken) result.getModelAndView().getModel().get("created")).value();
        assertThat(result.getResponse().getContentAsString()).contains(value);

        mvc.perform(get("/account/tokens").with(self))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("dashboard export")))
                .andExpect(content().string(containsString("See statistics (all)")))
                .andExpect(content().string(not(containsString(value))));
    }

    @Test
    void theFormRefusesMissingFieldsAPastDateAndGrantsTheOwnerLacks() throws Exception {
        var owner = account(Role.REFERRER);
        var self = TestSignIn.as(TestSignIn.actorOf(owner));
        mvc.perform(post("/account/tokens")
                        .with(self)
                        .with(csrf())
                        .param("name", "")
                        .param("expiresOn", LocalDate.now().minusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "name", "expiresOn", "grants"));
        mvc.perform(post("/account/tokens")
                        .with(self)
                        .with(csrf())
                        .param("name", "greedy")
                        .param("grants", "accounts:manage:all"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "grants", "token.grants.beyond"))
                .andExpect(content().string(containsString("only carry permissions that you hold yourself")));
        assertThat(tokens.of(TestSignIn.actorOf(owner))).isEmpty();
    }

    @Test
    void revokingWorksForTheOwnerAndAnotherAccountsTokenIsNotFound() throws Exception {
        var owner = account(Role.REFERRER);
        var stranger = account(Role.REFERRER);
        var created = tokens.create(
                TestSignIn.actorOf(owner), "to revoke", Set.of(Grant.parse("organisations:read:all")), null);
        mvc.perform(post("/account/tokens/{id}/revoke", created.token().id())
                        .with(TestSignIn.as(TestSignIn.actorOf(stranger)))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokens.of(TestSignIn.actorOf(owner)).getFirst().revokedAt()).isNull();

        mvc.perform(post("/account/tokens/{id}/revoke", created.token().id())
                        .with(TestSignIn.as(TestSignIn.actorOf(owner)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        assertThat(tokens.of(TestSignIn.actorOf(owner)).getFirst().revokedAt()).isNotNull();
        mvc.perform(get("/account/tokens").with(TestSignIn.as(TestSignIn.actorOf(owner))))
                .andExpect(content().string(containsString("Revoked on")));
    }
}
