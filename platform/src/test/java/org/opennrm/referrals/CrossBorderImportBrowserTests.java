package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two installations, as two countries' NRMs run them: AAA (a second application context with its own database and
 * signing key) sends the signed package of a case; at BBB (this test's installation) the case manager uploads it in
 * the browser, imports it and finds the case in the NRM queue; BBB's signed notice is carried back to AAA, whose case
 * manager reads it in the browser and sees the package answered. Each side trusts only the other's public key.
 * Synthetic data only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrossBorderImportBrowserTests {

    static final KeyPair SENDER = senderKey();

    @DynamicPropertySource
    static void trustTheSender(DynamicPropertyRegistry properties) {
        properties.add("opennrm.cross-border.country", () -> "BBB");
        properties.add("opennrm.cross-border.trusted-keys.AAA", () -> Base64.getEncoder()
                .encodeToString(SENDER.getPublic().getEncoded()));
    }

    @LocalServerPort
    int port;

    @Autowired
    CrossBorderKeys receiverKeys;

    @Autowired
    CrossBorderReferrals receiver;

    @Autowired
    org.opennrm.access.AccountManagement accounts;

    @Autowired
    org.opennrm.organisations.OrganisationRegistry organisations;

    @TempDir
    Path folder;

    @Test
    void aPackageSentByOneInstallationIsImportedAtAnotherAndItsNoticeReadBack() throws Exception {
        try (var aaa = sendingInstallation()) {
            var aaaOrganisations = aaa.getBean(org.opennrm.organisations.OrganisationRegistry.class);
            var aaaCases = aaa.getBean(org.opennrm.cases.CaseManagement.class);
            var aaaCrossBorder = aaa.getBean(CrossBorderReferrals.class);
            UUID aaaOffice = aaaOrganisations
                    .findByName("National Co-ordinator's Office")
                    .orElseThrow()
                    .id();
            UUID aaaInspectorate = aaaOrganisations
                    .findByName("State Labour Inspectorate")
                    .orElseThrow()
                    .id();
            UUID bbbNrm = org.opennrm.cases.SignedIn.as(
                            org.opennrm.access.Role.ADMINISTRATOR,
                            aaaOffice,
                            () -> aaaOrganisations.register(new org.opennrm.organisations.OrganisationDetails(
                                    "National Referral Mechanism of BBB",
                                    org.opennrm.organisations.Sector.OTHER,
                                    java.util.Set.of(org.opennrm.organisations.NrmRole.NATIONAL_COORDINATOR),
                                    java.util.Set.of("co-ordination"),
                                    java.util.Set.of(),
                                    List.of())))
                    .id();
            // at AAA: a case whose person consented to sharing with BBB's NRM, and its signed package for BBB
            var opened = org.opennrm.cases.SignedIn.as(
                    org.opennrm.access.Role.REFERRER,
                    aaaInspectorate,
                    () -> aaaCases.open(org.opennrm.cases.CaseFixtures.adultReferral(bbbNrm)));
            String senderReference = opened.reference();
            String signed = org.opennrm.cases.SignedIn.as(
                    org.opennrm.access.Role.CASE_MANAGER,
                    aaaOffice,
                    () -> aaaCrossBorder.export(opened.caseId(), "BBB", "Safe return and reintegration"));
            Path file = Files.writeString(folder.resolve("package.json"), signed);

            // an account of its own: this test's installation is not the one other browser tests sign in to, and
            // the Browser helper remembers each user name's authenticator key across them
            String username = "xborder-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "a synthetic cross-border password";
            UUID bbbOffice = organisations
                    .findByName("National Co-ordinator's Office")
                    .orElseThrow()
                    .id();
            accounts.create(new org.opennrm.access.AccountManagement.NewAccount(
                    username,
                    "Synthetic Cross-border Case Manager",
                    null,
                    bbbOffice,
                    java.util.Set.of(org.opennrm.access.Role.CASE_MANAGER),
                    password));
            try (var browser = Browser.open(port)) {
                browser.signIn(username, password, null);
                browser.go("/referrals/cross-border")
                        .type("packageFile", file.toAbsolutePath().toString());
                browser.clickId("receive-package").waitForText("The package is genuine");
                assertThat(browser.textOf(By.id("packages"))).contains(senderReference);
                // what the package holds, in words: never the HTCDS codes it carries
                assertThat(browser.textOf(By.cssSelector(".package-data")))
                        .contains("Adult", "Moldova", "Forced labour")
                        .doesNotContain("ADULT", "MDA", "ForcedLabour");
                browser.screenshot("cross-border-01-received");

                browser.click(By.cssSelector(".import-package")).waitFor(By.id("opened-case"));
                String openedHere = browser.textOf(By.id("opened-case"));
                String reference = openedHere.replaceAll(".*(NRM-\\d{4}-\\d+).*", "$1");
                assertThat(reference).startsWith("NRM-");
                assertThat(browser.textOf(By.id("packages")))
                        .contains(reference)
                        .contains("Imported");
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

            // BBB's signed notice travels back to AAA the way packages travel
            UUID receivedId = org.opennrm.cases.SignedIn.as(
                            org.opennrm.access.Role.CASE_MANAGER, bbbOffice, () -> receiver.received())
                    .stream()
                    .filter(entry -> entry.contents().senderReference().equals(senderReference))
                    .findFirst()
                    .orElseThrow()
                    .id();
            String notice = org.opennrm.cases.SignedIn.as(
                    org.opennrm.access.Role.CASE_MANAGER, bbbOffice, () -> receiver.notice(receivedId));
            Path noticeFile = Files.writeString(folder.resolve("notice.json"), notice);

            int aaaPort = aaa.getEnvironment().getProperty("local.server.port", Integer.class);
            try (var browser = Browser.open(aaaPort)) {
                browser.signIn("casemanager", "demo-password-for-tests", null);
                browser.go("/referrals/cross-border")
                        .type("noticeFile", noticeFile.toAbsolutePath().toString());
                browser.clickId("read-notice").waitForText("imported the package");
                assertThat(browser.textOf(By.id("sent")))
                        .contains(senderReference)
                        .contains("BBB")
                        .contains("Imported");
                browser.screenshot("cross-border-05-notice-read-at-sender");
                // the same notice again is refused by name, and nothing changes
                browser.type("noticeFile", noticeFile.toAbsolutePath().toString());
                browser.clickId("read-notice").waitFor(By.id("refused"));
                assertThat(browser.textOf(By.id("refused"))).contains("read before");
            }
            // a notice changed on the way (rejected instead of imported) is refused at AAA
            String changed = notice.replace("\"outcome\":\"IMPORTED\"", "\"outcome\":\"REJECTED\"");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.opennrm.cases.SignedIn.as(
                            org.opennrm.access.Role.CASE_MANAGER, aaaOffice, () -> aaaCrossBorder.readNotice(changed)))
                    .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                            .isEqualTo("crossBorder.tampered"));

            // a second package, rejected at BBB with a reason: AAA records the answer, the reason encrypted at rest
            var second = org.opennrm.cases.SignedIn.as(
                    org.opennrm.access.Role.REFERRER,
                    aaaInspectorate,
                    () -> aaaCases.open(org.opennrm.cases.CaseFixtures.adultReferral(bbbNrm)));
            String secondPackage = org.opennrm.cases.SignedIn.as(
                    org.opennrm.access.Role.CASE_MANAGER,
                    aaaOffice,
                    () -> aaaCrossBorder.export(second.caseId(), "BBB", "Family tracing"));
            var secondReceived = org.opennrm.cases.SignedIn.as(
                    org.opennrm.access.Role.CASE_MANAGER, bbbOffice, () -> receiver.receive(secondPackage));
            org.opennrm.cases.SignedIn.run(
                    org.opennrm.access.Role.CASE_MANAGER,
                    bbbOffice,
                    () -> receiver.reject(secondReceived.id(), "Already assisted under another reference."));
            String rejection = org.opennrm.cases.SignedIn.as(
                    org.opennrm.access.Role.CASE_MANAGER, bbbOffice, () -> receiver.notice(secondReceived.id()));
            var answered = org.opennrm.cases.SignedIn.as(
                    org.opennrm.access.Role.CASE_MANAGER, aaaOffice, () -> aaaCrossBorder.readNotice(rejection));
            assertThat(answered.outcome()).isEqualTo("REJECTED");
            assertThat(answered.reason()).isEqualTo("Already assisted under another reference.");
            assertThat(answered.caseReference()).isEqualTo(second.reference());
            String stored = aaa.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select reason from referrals.cross_border_sent where package_id = :id")
                    .param("id", UUID.fromString(secondReceived.contents().packageId()))
                    .query(String.class)
                    .single();
            assertThat(stored).isNotBlank().doesNotContain("Already assisted");

            // a notice BBB signed for another country, and one answering a package AAA never sent, are refused
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            var elsewhere = (tools.jackson.databind.node.ObjectNode) json.readTree(rejection);
            elsewhere.put("receiverCountry", "CCC");
            elsewhere.put("noticeId", UUID.randomUUID().toString());
            String misaddressed = new PackageSignatures(receiverKeys).sign(elsewhere);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.opennrm.cases.SignedIn.as(
                            org.opennrm.access.Role.CASE_MANAGER,
                            aaaOffice,
                            () -> aaaCrossBorder.readNotice(misaddressed)))
                    .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                            .isEqualTo("crossBorder.notice.wrongAddressee"));
            var unknown = (tools.jackson.databind.node.ObjectNode) json.readTree(rejection);
            unknown.put("packageId", UUID.randomUUID().toString());
            unknown.put("noticeId", UUID.randomUUID().toString());
            String notOurs = new PackageSignatures(receiverKeys).sign(unknown);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.opennrm.cases.SignedIn.as(
                            org.opennrm.access.Role.CASE_MANAGER, aaaOffice, () -> aaaCrossBorder.readNotice(notOurs)))
                    .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                            .isEqualTo("crossBorder.notice.unknownPackage"));
        }
    }

    /** AAA's installation: its own database and signing key, trusting only BBB's (this installation's) public key. */
    private org.springframework.context.ConfigurableApplicationContext sendingInstallation() {
        return new org.springframework.boot.builder.SpringApplicationBuilder(org.opennrm.Application.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "opennrm.cross-border.country=AAA",
                        "opennrm.cross-border.private-key="
                                + Base64.getEncoder()
                                        .encodeToString(SENDER.getPrivate().getEncoded()),
                        "opennrm.cross-border.trusted-keys.BBB=" + receiverKeys.publicKey())
                .run();
    }

    private static KeyPair senderKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
