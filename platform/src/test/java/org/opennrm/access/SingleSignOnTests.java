package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Single sign-on through OpenID Connect is switched on by properties alone. */
@SpringBootTest(
        properties = {
            "spring.security.oauth2.client.registration.oidc.client-id=opennrm-test",
            "spring.security.oauth2.client.registration.oidc.client-secret=not-a-real-secret",
            "spring.security.oauth2.client.registration.oidc.scope=openid,profile,email",
            "spring.security.oauth2.client.registration.oidc.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.oidc.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.provider.oidc.authorization-uri=https://idp.example.org/auth",
            "spring.security.oauth2.client.provider.oidc.token-uri=https://idp.example.org/token",
            "spring.security.oauth2.client.provider.oidc.jwk-set-uri=https://idp.example.org/certs",
            "spring.security.oauth2.client.provider.oidc.user-info-uri=https://idp.example.org/userinfo",
            "spring.security.oauth2.client.provider.oidc.user-name-attribute=preferred_username"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SingleSignOnTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theSignInPageOffersTheIdentityProvider() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/oauth2/authorization/oidc")));
    }

    @Test
    void signingInWithTheProviderRedirectsToItWithOurClientId() throws Exception {
        var result = mvc.perform(get("/oauth2/authorization/oidc"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl())
                .startsWith("https://idp.example.org/auth")
                .contains("client_id=opennrm-test")
                .contains("scope=openid");
    }
}
