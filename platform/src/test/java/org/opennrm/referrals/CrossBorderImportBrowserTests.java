package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The receiving NRM's case manager uploads a package from the NRM of country AAA, imports it, and finds the case in
 * the NRM queue. The package is made by the sending side's own code ({@link PackageSignatures} with a key of AAA's that
 * this installation trusts) rather than by a second running installation: the two-installation exchange is proven at
 * service level by {@link CrossBorderRoundTripTests}. Synthetic data only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrossBorderImportBrowserTests {

    static final KeyPair SENDER = senderKey();

    @DynamicPropertySource
    static void trustTheSender(DynamicPropertyRegistry properties) {
        properties.add("opennrm.cross-border.trusted-keys.AAA", () -> Base64.getEncoder()
                .encodeToString(SENDER.getPublic().getEncoded()));
    }

    @LocalServerPort
    int port;

    @Autowired
    CrossBorderKeys receiverKeys;

    @Autowired
    org.opennrm.access.AccountManagement accounts;

    @Autowired
    org.opennrm.organisations.OrganisationRegistry organisations;

    @TempDir
    Path folder;

    @Test
    void theReceivingNrmImportsAPackageAndTheCaseAppearsInItsQueue() throws Exception {
        var senderKeys = new CrossBorderKeys(
                "AAA",
                Base64.getEncoder().encodeToString(SENDER.getPrivate().getEncoded()),
                folder.resolve("aaa"),
                new MockEnvironment());
        String senderReference = "NRM-2026-00" + (100000 + (int) (Math.random() * 800000));
        String signed = new PackageSignatures(senderKeys)
                .sign(new CrossBorderPackage(
                        CrossBorderPackage.FORMAT,
                        UUID.randomUUID().toString(),
                        "AAA",
                        receiverKeys.country(),
                        senderReference,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        "Safe return and reintegration",
                        "Feminine",
                        "ADULT",
                        List.of("MDA"),
                        List.of("ron", "ukr"),
                        List.of("ForcedLabour"),
                        29,
                        List.of("ASSISTANCE", "STATISTICS"),
                        null));
        Path file = Files.writeString(folder.resolve("package.json"), signed);

        // an account of its own: this test's installation is not the one other browser tests sign in to, and the
        // Browser helper remembers each user name's authenticator key across them
        String username = "xborder-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a synthetic cross-border password";
        accounts.create(new org.opennrm.access.AccountManagement.NewAccount(
                username,
                "Synthetic Cross-border Case Manager",
                null,
                organisations
                        .findByName("National Co-ordinator's Office")
                        .orElseThrow()
                        .id(),
                java.util.Set.of(org.opennrm.access.Role.CASE_MANAGER),
                password));
        try (var browser = Browser.open(port)) {
            browser.signIn(username, password, null);
            browser.go("/referrals/cross-border")
                    .type("packageFile", file.toAbsolutePath().toString());
            browser.clickId("receive-package").waitForText("The package is genuine");
            assertThat(browser.textOf(By.id("packages"))).contains(senderReference);
            browser.screenshot("cross-border-01-received");

            browser.click(By.cssSelector(".import-package")).waitFor(By.id("opened-case"));
            String opened = browser.textOf(By.id("opened-case"));
            String reference = opened.replaceAll(".*(NRM-\\d{4}-\\d+).*", "$1");
            assertThat(reference).startsWith("NRM-").isNotEqualTo(senderReference);
            assertThat(browser.textOf(By.id("packages"))).contains(reference).contains("Imported");
            browser.screenshot("cross-border-02-imported");

            browser.go("/cases/queue");
            browser.waitForText(reference);
            browser.screenshot("cross-border-03-queue");
            browser.clickLink(reference);
            browser.waitForText(senderReference);
            assertThat(browser.text()).contains("Safe return and reintegration");
        }
        try (var phone = Browser.phone(port)) {
            phone.signIn(username, password, null);
            phone.go("/referrals/cross-border").waitFor(By.id("packages"));
            phone.screenshot("cross-border-04-phone");
        }
    }

    private static KeyPair senderKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
