package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.statistics.NationalStatistics;
import org.opennrm.statistics.TrendFixtures;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A prevention officer opens "who is exploited where" from the home page and crosses the vulnerabilities recorded by
 * region for one quarter: each vulnerability in words, "Several" for a person with two, "Not known" where none was
 * stated, small counts warned about and the smallest withheld; at desktop size and on a phone. Synthetic facts of
 * 2025-Q3, in a database of the class's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DatabaseOfItsOwn
class WhereBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";
    static final YearMonth MONTH = YearMonth.of(2025, 8);

    @LocalServerPort
    int port;

    @Autowired
    NationalStatistics statistics;

    private static boolean recorded;

    /** Referrals of 2025-Q3 in three regions, with the vulnerabilities stated (none for some). */
    synchronized void referrals() {
        if (recorded) {
            return;
        }
        record("NORTH-REGION", 24, Set.of("DEBT"));
        record("NORTH-REGION", 31, Set.of("MIGRANT_OR_REFUGEE"));
        record("NORTH-REGION", 12, Set.of("UNACCOMPANIED_CHILD"));
        record("NORTH-REGION", 11, Set.of("DEBT", "HOMELESSNESS"));
        record("NORTH-REGION", 15, Set.of());
        record("EAST-COAST", 14, Set.of("DEBT"));
        record("EAST-COAST", 40, Set.of("MIGRANT_OR_REFUGEE"));
        record("EAST-COAST", 4, Set.of("CARE_LEAVER"));
        record("EAST-COAST", 20, Set.of());
        record("WEST-HILLS", 18, Set.of("HOMELESSNESS"));
        record("WEST-HILLS", 10, Set.of("DEBT"));
        record("WEST-HILLS", 3, Set.of("DISABILITY"));
        record("WEST-HILLS", 12, Set.of());
        recorded = true;
    }

    private void record(String region, int count, Set<String> vulnerabilities) {
        TrendFixtures.referrals(statistics, region, MONTH, count, vulnerabilities, Set.of(), Set.of());
    }

    void crossVulnerabilitiesByRegion(Browser officer, String screenshots) {
        referrals();
        officer.signIn("prevention", PASSWORD, null);
        officer.waitFor(By.id("panel-prevention"));
        officer.clickId("officer-panel-where");
        officer.waitForPath("/prevention/where");
        officer.select("rows", "vulnerability")
                .select("columns", "region")
                .type("from", "2025-Q3")
                .type("to", "2025-Q3");
        officer.submit("where-show");

        String table = officer.textOf(By.id("where-table"));
        assertThat(table)
                .contains(
                        "Debt",
                        "Migrant or refugee status",
                        "Unaccompanied child",
                        "Homelessness",
                        "Several",
                        "Not known",
                        "North Region",
                        "EAST-COAST",
                        "WEST-HILLS")
                .doesNotContain("MIGRANT_OR_REFUGEE", "MULTIPLE");
        // 24 with debt in the North: shown, in italics with its interval (below 30)
        assertThat(table).contains("24 (15-36)");
        // three people with a disability in one region: withheld, and the page says why counts are in italics
        assertThat(officer.textOf(By.id("where-small-warning"))).contains("counts are below 30");
        assertThat(officer.textOf(By.id("where-several"))).contains("counted once, as Several");
        assertThat(officer.driver().findElement(By.id("where-download")).getAttribute("href"))
                .contains("rows=vulnerability", "columns=region", "from=2025-Q3");
        officer.screenshot(screenshots);
        ((org.openqa.selenium.JavascriptExecutor) officer.driver())
                .executeScript("document.getElementById('where-table').scrollIntoView();");
        officer.screenshot(screenshots + "-table");

        // the chart draws the same table: a bar series per region, the rows as words, withheld counts as no bar
        var js = (org.openqa.selenium.JavascriptExecutor) officer.driver();
        js.executeScript("document.getElementById('where-chart').scrollIntoView();");
        @SuppressWarnings("unchecked")
        var drawn = (java.util.Map<String, Object>) js.executeScript("""
                var chart = Chart.getChart(document.getElementById('where-chart'));
                if (!chart) { return null; }
                var northDebt = null, withheld = 0;
                chart.data.datasets.forEach(function (set) {
                  set.data.forEach(function (value, i) {
                    if (value === null) { withheld++; }
                    if (set.label === 'North Region' && chart.data.labels[i] === 'Debt') { northDebt = value; }
                  });
                });
                return { rows: chart.data.labels.join('|'), series: chart.data.datasets.length,
                         northDebt: northDebt, withheld: withheld };""");
        assertThat(drawn).as("the chart is drawn").isNotNull();
        assertThat((String) drawn.get("rows"))
                .contains("Debt", "Several", "Not known")
                .doesNotContain("MULTIPLE");
        assertThat(((Number) drawn.get("series")).intValue()).isGreaterThanOrEqualTo(3);
        assertThat(((Number) drawn.get("northDebt")).longValue()).isEqualTo(24);
        assertThat(((Number) drawn.get("withheld")).intValue()).isPositive();
        officer.screenshot(screenshots + "-chart");
    }

    @Test
    void aPreventionOfficerCrossesVulnerabilitiesByRegionOnADesktop() {
        try (var officer = Browser.open(port)) {
            crossVulnerabilitiesByRegion(officer, "where-vulnerabilities");
        }
    }

    @Test
    void aPreventionOfficerDoesTheSameOnAPhone() {
        try (var officer = Browser.phone(port)) {
            crossVulnerabilitiesByRegion(officer, "where-vulnerabilities-phone");
        }
    }
}
