package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A statistician publishes ages by sex (approved by a second statistician), then assembles children and adults by
 * sex, which read with the first would give away four girls: the release page shows which cells the joint check
 * withheld and why (on a desktop and on a phone), and the second statistician approves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JointReleaseBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganisationRegistry organisations;

    String region;

    void referrals(int count, int month, String sex, String band) {
        boolean child = band.equals("0-8") || band.equals("9-17");
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(2025, month))
                    .origin(region, "NGO")
                    .person(sex, band, child, "UKR")
                    .exploitationForms(Set.of("LABOUR"))
                    .build());
        }
    }

    String assemble(Browser browser, String title, String tableId) {
        browser.go("/statistics/releases/new")
                .type("title", title)
                .tick(tableId)
                .type("from", "2025-Q1")
                .type("to", "2025-Q4")
                .type("region", region)
                .clickId("assemble");
        browser.waitForText("awaiting approval");
        return browser.path();
    }

    @Test
    void aSecondReleaseThatWouldRevealACellThroughTheFirstShowsWhatIsWithheldAndWhyThenIsApproved() {
        region = "JB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        referrals(4, 1, "FEMALE", "9-17");
        referrals(20, 1, "MALE", "9-17");
        referrals(10, 4, "MALE", "0-8");
        referrals(12, 4, "FEMALE", "18-20");
        referrals(13, 7, "FEMALE", "21-23");
        referrals(25, 7, "FEMALE", "24-26");
        referrals(60, 10, "MALE", "30-38");
        String second = "statistician-" + region.toLowerCase();
        accounts.create(new AccountManagement.NewAccount(
                second,
                "Second Statistician",
                null,
                organisations
                        .findByName("Office of the National Rapporteur")
                        .orElseThrow()
                        .id(),
                Set.of(Role.STATISTICIAN),
                "demo-password-for-tests"));

        String first;
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            // the standard tables: age band by sex is the fourth, child or adult by sex the fifth
            first = assemble(browser, "Ages " + region, "table-3");
            assertThat(browser.textOf(By.id("joint-check"))).contains("found nothing more to withhold");
        }
        try (var browser = Browser.open(port)) {
            browser.signIn(second, "demo-password-for-tests", null);
            browser.go(first).clickId("approve");
            browser.waitForText("The release is published.");
        }
        String pending;
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            pending = assemble(browser, "Children " + region, "table-4");
            assertThat(browser.textOf(By.id("joint-check")))
                    .contains("withheld")
                    .contains("people in them");
            assertThat(browser.textOf(By.id("joint-0")))
                    // the reason names categories by their labels, never their codes
                    .contains("Child or adult: Child (0-17)")
                    .contains("Age band: 9-17, Sex: Female” could be recovered exactly")
                    .doesNotContain("FEMALE")
                    .contains("release “Ages " + region + "”, table 1")
                    .contains("age bands 0-8 and 9-17 are children");
            browser.screenshot("statistics-joint-01-withheld-desktop");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('joint-0').scrollIntoView()");
            browser.screenshot("statistics-joint-01b-reasons-desktop");
        }
        try (var browser = Browser.phone(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            browser.go(pending).waitFor(By.id("joint-0"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('joint-check').scrollIntoView()");
            browser.screenshot("statistics-joint-02-withheld-phone");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('joint-0').scrollIntoView()");
            browser.screenshot("statistics-joint-03-reasons-phone");
            // the approver who reads French reads the reasons in French, categories and tables included
            browser.go(pending + "?lang=fr").waitFor(By.id("joint-0"));
            assertThat(browser.textOf(By.id("joint-0")))
                    .contains("masquée car sinon la cellule « Orientations")
                    .contains("Tranche d’âge : 9-17")
                    .contains("publication « Ages " + region + " », tableau 1")
                    .contains("les tranches d’âge 0-8 et 9-17 sont des enfants")
                    .doesNotContain("withheld")
                    .doesNotContain("FEMALE");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('joint-0').scrollIntoView()");
            browser.screenshot("statistics-joint-03b-reasons-phone-fr");
        }
        try (var browser = Browser.open(port)) {
            browser.signIn(second, "demo-password-for-tests", null);
            browser.go(pending).clickId("approve");
            browser.waitForText("The release is published.");
            assertThat(browser.textOf(By.id("release-status"))).isEqualTo("published");
            assertThat(browser.textOf(By.id("release-table-0"))).contains("x");
            browser.screenshot("statistics-joint-04-approved");
        }
    }
}
