package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A production installation from nothing: an empty database with the demo off, the operator's {@code bootstrap}
 * command, and the new administrator's first sign-in, which enrols an authenticator and then allows nothing but
 * choosing a new password. The command run a second time refuses: the installation is no longer empty.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "opennrm.demo.enabled=false",
            "opennrm.bootstrap.organisation=Synthetic National Co-ordination Office",
            "opennrm.bootstrap.username=firstadmin",
            "opennrm.bootstrap.display-name=First Administrator"
        })
@ActiveProfiles("test")
class BootstrapBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    Commands commands() {
        return new Commands(
                context,
                context.getBean(AuditVerification.class),
                context.getBean(AuditCheckpoints.class),
                context.getBean(AuditKey.class),
                context.getBean(KeyRotation.class),
                context.getBean(Bootstrap.class),
                new MockEnvironment().withProperty(Commands.PROPERTY, "bootstrap"));
    }

    @Test
    void anEmptyInstallationIsBootstrappedAndItsAdministratorSignsInEnrolsAndChoosesANewPassword() {
        assertThat(organisations.count()).isZero();
        assertThat(accounts.count()).isZero();

        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = commands().run("bootstrap", print(out), print(err));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("Synthetic National Co-ordination Office").contains("firstadmin");
        String initial = printed.replaceAll("(?s).*Initial password \\(shown only now\\): (\\S+).*", "$1");
        assertThat(initial).hasSizeGreaterThanOrEqualTo(20);

        var again = new ByteArrayOutputStream();
        assertThat(commands().run("bootstrap", print(new ByteArrayOutputStream()), print(again)))
                .isEqualTo(1);
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("not empty");
        assertThat(accounts.count()).isEqualTo(1);

        try (var browser = Browser.open(port)) {
            // the administrator role needs a second factor: the first sign-in enrols an authenticator
            browser.signIn("firstadmin", initial, null);
            assertThat(browser.path()).startsWith("/account");
            browser.waitFor(By.id("password-change-required"));
            browser.screenshot("bootstrap-01-choose-password");
            // nothing else opens until the password is changed
            browser.go("/accounts");
            assertThat(browser.path()).isEqualTo("/account");

            browser.type("currentPassword", initial)
                    .type("newPassword", "a synthetic passphrase of my own")
                    .type("repeatPassword", "a synthetic passphrase of my own")
                    .clickId("change-password");
            browser.waitForText("Your password was changed.");
            assertThat(browser.driver().findElements(By.id("password-change-required")))
                    .isEmpty();
            browser.go("/accounts");
            browser.waitFor(By.tagName("h1"));
            assertThat(browser.path()).isEqualTo("/accounts");
            assertThat(browser.text()).contains("firstadmin");
            browser.screenshot("bootstrap-02-accounts");
        }
    }

    private static PrintStream print(ByteArrayOutputStream into) {
        return new PrintStream(into, true, StandardCharsets.UTF_8);
    }
}
