package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testidp.TestIdentityProvider;

/**
 * Single sign-on end to end, in a real browser, against a real OpenID Connect provider that the test starts (Spring
 * Authorization Server, on its own port and host name, with its own users). The platform finds the provider through
 * its issuer's discovery document, as an installation would with Keycloak or Entra ID. Three people sign in at the
 * provider: one with an enabled account here (who is still asked for the platform's second factor, since this
 * provider does not enforce one), one whose account here is disabled, and one with no account here; only the first
 * is let in, and each outcome is in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class SingleSignOnEndToEndBrowserTests {

    static final String IDP_PASSWORD = TestIdentityProvider.PASSWORD;
    static final int PLATFORM_PORT = freePort();
    static final int PROVIDER_PORT = freePort();
    /** The provider on 127.0.0.1 and the platform on localhost: the browser keeps their cookies apart. */
    static final String ISSUER = "http://127.0.0.1:" + PROVIDER_PORT;

    static final ConfigurableApplicationContext PROVIDER =
            TestIdentityProvider.start(PROVIDER_PORT, "http://localhost:" + PLATFORM_PORT + "/login/oauth2/code/oidc");

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PLATFORM_PORT);
        properties.add("spring.security.oauth2.client.registration.oidc.client-id", () -> "opennrm");
        properties.add(
                "spring.security.oauth2.client.registration.oidc.client-secret", () -> "client-secret-for-tests");
        properties.add("spring.security.oauth2.client.registration.oidc.scope", () -> "openid,profile,email");
        properties.add("spring.security.oauth2.client.provider.oidc.issuer-uri", () -> ISSUER);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCoordinatorSignsInAtTheProviderAndStillGivesThePlatformsSecondFactor() {
        try (var browser = Browser.open(PLATFORM_PORT)) {
            browser.go("/login").screenshot("sso-01-sign-in-page");
            browser.click(By.cssSelector("a[href$='/oauth2/authorization/oidc']"));
            signInAtProvider(browser, "coordinator");
            // this provider enforces no second factor: the platform asks for its own before anything is shown
            assertThat(browser.path()).startsWith("/sign-in/second-factor");
            browser.screenshot("sso-02-second-factor-after-provider");
            browser.secondFactor("coordinator", null);

            assertThat(browser.path()).isEqualTo("/");
            // strict would not come back from the provider's site; see SecurityConfiguration
            assertThat(browser.driver()
                            .manage()
                            .getCookieNamed("OPENNRM_SESSION")
                            .getSameSite())
                    .isEqualTo("Lax");
            assertThat(browser.text()).contains("coordinator");
            browser.screenshot("sso-03-signed-in");
        }
        assertThat(lastSignIn("coordinator")).isEqualTo("single sign-on and new second factor");
    }

    @Test
    void aDisabledAccountOrNoAccountHereGrantsNothingThoughTheProviderSaysYes() {
        jdbc.sql("update access.account set enabled = false where username = 'guardian'")
                .update();
        for (String person : new String[] {"guardian", "stranger"}) {
            try (var browser = Browser.open(PLATFORM_PORT)) {
                browser.go("/login").click(By.cssSelector("a[href$='/oauth2/authorization/oidc']"));
                signInAtProvider(browser, person);

                assertThat(browser.driver().getCurrentUrl()).endsWith("/login?noAccount");
                assertThat(browser.textOf(By.id("no-account"))).contains("no enabled OpenNRM account");
                browser.screenshot("sso-04-refused-" + person);
                browser.go("/cases");
                assertThat(browser.path()).isEqualTo("/login");
            }
        }
        assertThat(jdbc.sql("""
                        select count(*) from access.audit_entry
                        where action = 'SIGN_IN_FAILED' and detail = 'no enabled account for single sign-on'""").query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    private static void signInAtProvider(Browser browser, String username) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(ISSUER + "/login"));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("sso-failed-" + username);
            throw new AssertionError(
                    "not at the provider's sign-in page but at "
                            + browser.driver().getCurrentUrl() + ": " + browser.text(),
                    e);
        }
        browser.type("username", username).type("password", IDP_PASSWORD);
        browser.click(By.cssSelector("button[type=submit]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().startsWith("http://localhost:" + PLATFORM_PORT));
    }

    private String lastSignIn(String username) {
        return jdbc.sql("""
                        select detail from access.audit_entry
                        where action = 'SIGN_IN' and username = :username order by id desc limit 1""").param("username", username).query(String.class).single();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
