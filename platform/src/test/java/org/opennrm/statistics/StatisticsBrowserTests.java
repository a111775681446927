package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.EventsDelivered;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseManagement;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistician opens the dashboard, reads a table with its suppressions and sees the chart drawn (the
 * script runs under the page's content security policy), on a desktop and on a phone; estimates the hidden
 * number from a pasted list-overlap table and from the platform's cases; builds a release and sees what was suppressed; a second
 * statistician approves it and the published table downloads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StatisticsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    CaseManagement cases;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStatisticianReadsANationalTableWithItsChartAndEstimatesTheHiddenNumber() {
        String region = "B-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int[][] counts = {{40, 3}, {35, 12}, {28, 15}, {44, 9}};
        for (int quarter = 0; quarter < counts.length; quarter++) {
            for (int group = 0; group < 2; group++) {
                for (int i = 0; i < counts[quarter][group]; i++) {
                    statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(2025, 1 + 3 * quarter))
                            .origin(region, "NGO")
                            .person(i % 2 == 0 ? "FEMALE" : "MALE", group == 0 ? "24-26" : "9-17", group == 1, "UKR")
                            .exploitationForms(Set.of("LABOUR"))
                            .build());
                }
            }
        }
        String table = "/statistics?rows=quarter&columns=age-group&from=2025-Q1&to=2025-Q4&region=" + region;
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            browser.go(table).waitForText("What was suppressed and why");
            assertThat(browser.textOf(By.id("national-table")))
                    .contains("2025-Q1")
                    .contains("Child (0-17)")
                    .doesNotContain("CHILD")
                    .contains("x");
            assertThat(browser.textOf(By.id("suppressions"))).contains("fewer people than the minimum cell size");
            Object drawn = ((JavascriptExecutor) browser.driver())
                    .executeScript("return typeof Chart !== 'undefined'"
                            + " && Chart.getChart(document.getElementById('table-chart')) !== undefined");
            assertThat(drawn).isEqualTo(true);
            browser.screenshot("statistics-01-dashboard");

            browser.go("/statistics/estimates")
                    .type("table", MseFixtures.csv("UKdat"))
                    .clickId("estimate-submit");
            browser.waitForText("Sensitivity across models");
            assertThat(browser.textOf(By.id("headlines"))).contains("12,214");
            browser.screenshot("statistics-02-estimates");

            // the platform's own lists: this year's cases by the sectors that referred or decided
            EncounterFixtures.mixedCases(cases, organisations, clock);
            EventsDelivered.await(jdbc);
            browser.go("/statistics/estimates").clickId("cases-estimate");
            browser.waitForText("by the sectors that met them");
            assertThat(browser.textOf(By.id("cases-overlap")))
                    .contains("Police")
                    .contains("withheld");
            assertThat(browser.textOf(By.id("headlines"))).contains("Main effects only");
            browser.screenshot("statistics-02b-estimates-from-cases");
        }
        String title = "Quarterly release " + region;
        String releasePath;
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            browser.go("/statistics/releases/new")
                    .type("title", title)
                    .tick("table-1")
                    .type("region", region)
                    .screenshot("statistics-04-release-form")
                    .clickId("assemble");
            browser.waitForText("awaiting approval");
            assertThat(browser.text()).contains("suppressed because");
            assertThat(browser.driver().findElements(By.id("approve"))).isEmpty();
            releasePath = browser.path();
            browser.screenshot("statistics-05-release-awaiting");
        }
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
        try (var browser = Browser.open(port)) {
            browser.signIn(second, "demo-password-for-tests", null);
            browser.go(releasePath).clickId("approve");
            browser.waitForText("The release is published.");
            assertThat(browser.textOf(By.id("release-status"))).isEqualTo("published");
            browser.screenshot("statistics-06-release-published");
            Object csv = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + " fetch(document.getElementById('release-csv-0').href).then(r => r.text()).then(done);");
            assertThat(csv.toString())
                    .startsWith("quarter \\ age-group,label,CHILD,ADULT,total")
                    .contains(",x,");
        }
        try (var phone = Browser.phone(port)) {
            phone.signIn("statistician", "demo-password-for-tests", null);
            phone.go(table).waitForText("What was suppressed and why");
            Object fits = ((JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            phone.screenshot("statistics-03-dashboard-phone");
        }
    }
}
