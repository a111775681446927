package org.opennrm.cases.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.access.AccountManagement;
import org.opennrm.cases.CaseManagement;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The NRM's case manager exports the cases of a region for a shelter, with identity: chooses the options on the
 * page, sees how many cases the file holds and how many were left out and why, and downloads the CSV, which holds
 * the one consenting person's name and nobody else's. The page also fits a phone. All names are invented.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HtcdsExportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Clock clock;

    @Test
    void aCaseManagerCountsAndDownloadsAnIdentifyingExportForAShelter() throws Exception {
        var fixtures = new HtcdsExportFixtures(organisations, accounts, cases, clock);
        try (var browser = Browser.open(port)) {
            browser.signIn("casemanager", "demo-password-for-tests", null);
            browser.go("/").clickId("nav-htcds-export");
            assertThat(browser.heading()).isEqualTo("HTCDS export of cases");
            browser.selectValue("receiver", fixtures.receiver.toString())
                    .selectValue("region", fixtures.region)
                    .tick("format-csv")
                    .tick("identity")
                    .screenshot("htcds-export-01-form")
                    .clickId("preview");
            browser.waitForText("What the file will hold");
            assertThat(browser.textOf(By.id("matching"))).isEqualTo("5");
            assertThat(browser.textOf(By.id("included"))).isEqualTo("1");
            assertThat(browser.textOf(By.id("left-out-withdrawn"))).isEqualTo("1");
            assertThat(browser.textOf(By.id("left-out-no-consent"))).isEqualTo("2");
            assertThat(browser.textOf(By.id("left-out-closed"))).isEqualTo("1");
            browser.screenshot("htcds-export-02-counts");

            Object csv = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + " fetch(document.getElementById('download').href).then(r => r.text()).then(done);");
            try (var parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(csv.toString()))) {
                var rows = parser.getRecords();
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).get("prs_FirstName")).isEqualTo(fixtures.givenName("A"));
                assertThat(rows.get(0).get("vic_TraffickingStatus")).isEqualTo("ActualVictimOfTrafficking");
            }
            for (String letter : java.util.List.of("B", "C", "D", "E")) {
                assertThat(csv.toString()).doesNotContain(fixtures.givenName(letter));
            }
        }
        try (var phone = Browser.phone(port)) {
            phone.signIn("casemanager", "demo-password-for-tests", null);
            phone.go("/exports/htcds?preview=1&identity=true&receiver=" + fixtures.receiver + "&region="
                    + java.net.URLEncoder.encode(fixtures.region, java.nio.charset.StandardCharsets.UTF_8));
            phone.waitForText("What the file will hold");
            Object fits = ((JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            phone.screenshot("htcds-export-03-phone");
        }
    }
}
