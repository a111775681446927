package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The administrator opens the retention settings from the menu and reads the periods in force under the
 * jurisdiction's law, what happens at the end of each, the cases on legal hold and the job's schedule; the page
 * fits a phone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "opennrm.retention.jurisdiction=Republic of Example, Data Protection Act 12/2020",
            "opennrm.retention.linkage-upload=P6M"
        })
@ActiveProfiles("test")
class RetentionSettingsBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorReadsTheRetentionPeriodsOnDesktopAndPhone() {
        try (var browser = Browser.open(port)) {
            browser.signIn("admin", "demo-password-for-tests", null);
            browser.go("/").clickId("nav-retention");
            browser.waitForText("Retention of records");
            assertThat(browser.textOf(By.id("retention-jurisdiction")))
                    .contains("Republic of Example, Data Protection Act 12/2020");
            assertThat(browser.textOf(By.id("retention-closed-case")))
                    .contains("Closed case")
                    .contains("10 years")
                    .contains("P10Y")
                    .contains("erased");
            assertThat(browser.textOf(By.id("retention-linkage-upload")))
                    .contains("6 months")
                    .contains("P6M");
            assertThat(browser.textOf(By.id("retention-screening-without-referral")))
                    .contains("1 year");
            assertThat(browser.textOf(By.id("retention-audit"))).contains("Audit trail");
            assertThat(browser.textOf(By.id("retention-holds"))).contains("Cases on legal hold now:");
            browser.screenshot("retention-01-settings-desktop");
        }

        try (var phone = Browser.phone(port)) {
            phone.signIn("admin", "demo-password-for-tests", null);
            phone.go("/settings/retention").waitForText("Retention of records");
            Object fits = ((JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            phone.screenshot("retention-02-settings-phone");
        }
    }
}
