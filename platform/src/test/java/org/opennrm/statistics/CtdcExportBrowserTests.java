package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.DatabaseOfItsOwn;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistician goes from the dashboard to the CTDC export, previews a year (what k-anonymity generalised and
 * suppressed, the shares by CTDC's denominator rule), downloads the file, and the download is in the audit trail;
 * the page fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DatabaseOfItsOwn
class CtdcExportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    void referrals(int year, int count, String sex, String ageBand, String form) {
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(year, 5))
                    .origin(null, "LABOUR_INSPECTORATE")
                    .person(sex, ageBand, false, "UKR")
                    .exploitationForms(Set.of(form))
                    .profile(Set.of("WITHHOLDS_DOCUMENTS"), Set.of("A"), null, Set.of())
                    .build());
        }
    }

    @Test
    void aStatisticianPreviewsAndDownloadsTheCtdcFileAndTheDownloadIsAudited() {
        // the database is this class's own
        int year = 2025;
        jdbc.sql("delete from statistics.fact where period_year = ?")
                .param(year)
                .update();
        referrals(year, 25, "MASCULINE", "30-38", "FORCED_LABOUR");
        referrals(year, 14, "FEMININE", "21-23", "SEXUAL_EXPLOITATION");
        referrals(year, 2, "FEMININE", "48+", "ORGAN_REMOVAL");
        long auditedBefore = exports();

        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            // the dashboard of this test's year: the default table has a row for every quarter any test of the shared
            // database wrote, and protecting it bounds each suppressed cell with two linear programs, whose time grows
            // faster than the quarters (40 quarters: 9 s on the build machine); this test's part is the CTDC export
            browser.go("/statistics?from=" + year + "-Q1&to=" + year + "-Q4").clickId("ctdc-link");
            browser.waitForText("CTDC Global Dataset export")
                    .type("from", String.valueOf(year))
                    .type("to", String.valueOf(year))
                    .clickId("ctdc-preview");
            browser.waitForText("What the file publishes");
            assertThat(browser.textOf(By.id("ctdc-counts")))
                    .contains("41 persons registered")
                    .contains("39 records published")
                    .contains("2 records suppressed");
            assertThat(browser.textOf(By.id("ctdc-shares-FORMS")))
                    .contains("denominator 39")
                    .contains("isForcedLabour");
            browser.screenshot("statistics-07-ctdc-preview");

            Object csv = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + " fetch(document.getElementById('ctdc-download').href).then(r => r.text()).then(done);");
            String[] lines = csv.toString().split("\r?\n");
            assertThat(lines[0]).startsWith("yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation");
            assertThat(lines).hasSize(1 + 39);
            assertThat(lines[1]).startsWith(year + ",");
        }
        assertThat(exports()).isEqualTo(auditedBefore + 1);

        try (var phone = Browser.phone(port)) {
            phone.signIn("statistician", "demo-password-for-tests", null);
            phone.go("/statistics/ctdc?from=" + year + "&to=" + year).waitForText("What the file publishes");
            Object fits = ((JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            phone.screenshot("statistics-08-ctdc-phone");
        }
    }

    long exports() {
        return jdbc.sql("select count(*) from access.audit_entry where record_type = 'ctdc-export'"
                        + " and action = 'EXPORT' and detail like 'rows=39 %'")
                .query(Long.class)
                .single();
    }
}
