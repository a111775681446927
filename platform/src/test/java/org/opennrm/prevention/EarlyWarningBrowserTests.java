package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.statistics.NationalStatistics;
import org.opennrm.statistics.TrendFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The co-ordinator sees a sudden rise of referrals in a region on the home page and marks it reviewed with a comment,
 * at desktop size and on a phone; the review is kept with the flag and in the audit trail. Also the trends page with
 * its chart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EarlyWarningBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    Trends trends;

    @Autowired
    JdbcClient jdbc;

    /** A region of the test's own: 30 referrals a quarter for three years, then 100 in the last complete quarter. */
    String regionWithAJump() {
        String region = "PV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Period last = trends.lastCompleteQuarter();
        for (int back = 12; back >= 0; back--) {
            Period quarter = new Period(Period.Frequency.QUARTER, last.index() - back);
            TrendFixtures.referrals(
                    statistics,
                    region,
                    YearMonth.of(quarter.year(), 3 * quarter.number() - 1),
                    back == 0 ? 100 : 30 + (back % 3));
        }
        return region;
    }

    void seeAndReview(Browser coordinator, String region, String comment, String screenshots) {
        coordinator.signIn("coordinator", PASSWORD, null);
        // the daily scan may have run before these referrals were recorded: scan now, as a co-ordinator can
        coordinator.go("/prevention/flags").submit("scan-now");
        assertThat(coordinator.textOf(By.id("flags-scanned"))).contains("The scan kept");

        coordinator.go("/");
        By flagOfRegion = By.xpath("//ul[@id='panel-flags']/li[contains(., '" + region + "')]");
        coordinator.waitFor(flagOfRegion);
        WebElement flag = coordinator.driver().findElement(flagOfRegion);
        assertThat(flag.getText()).contains("Referrals by region", region, "rise", "provisional");
        ((org.openqa.selenium.JavascriptExecutor) coordinator.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", flag);
        coordinator.screenshot(screenshots + "-01-flag-on-home");

        flag.findElement(By.tagName("summary")).click();
        flag.findElement(By.tagName("textarea")).sendKeys(comment);
        coordinator.screenshot(screenshots + "-02-review-comment");
        WebElement oldPage = coordinator.driver().findElement(By.tagName("html"));
        flag.findElement(By.tagName("button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(coordinator.driver(), java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(oldPage));

        assertThat(coordinator.path()).startsWith("/prevention/flags");
        assertThat(coordinator.textOf(By.id("flags-reviewed"))).contains("marked reviewed");
        assertThat(coordinator.textOf(By.xpath("//table[@id='all-flags']//tr[contains(., '" + region + "')]")))
                .contains("Reviewed on", comment);
        coordinator.screenshot(screenshots + "-03-reviewed");

        coordinator.go("/");
        coordinator.waitFor(By.id("panel-early-warning"));
        assertThat(coordinator.textOf(By.id("panel-early-warning"))).doesNotContain(region);
        assertThat(jdbc.sql("select count(*) from access.audit_entry e join prevention.change_flag f"
                                + " on e.record_id = f.id::text where e.record_type = 'change_flag'"
                                + " and f.category = :region")
                        .param("region", region)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void theCoordinatorSeesAFlagOnTheHomePageAndReviewsItOnADesktop() {
        String region = regionWithAJump();
        try (var coordinator = Browser.open(port)) {
            seeAndReview(coordinator, region, "A new outreach team started work there in spring.", "early-warning");

            coordinator.go("/prevention/trends?breakdown=region");
            coordinator.waitFor(By.id("trend-chart"));
            assertThat(coordinator.textOf(By.id("trend-flags"))).contains(region);
            coordinator.screenshot("early-warning-04-trends");

            coordinator.go("/prevention/where?rows=exploitation-form&columns=region");
            coordinator.waitFor(By.id("where-table"));
            assertThat(coordinator.textOf(By.id("where-table"))).contains(region);
            coordinator.screenshot("early-warning-05-where");

            // an analyst's own series: the UK's published referrals, whose fall of 2020 Q2 is flagged
            coordinator.go("/prevention/early-warning").type("series", UkReferrals.csv(UkReferrals.total()));
            coordinator.submit("early-warning-submit");
            assertThat(coordinator.textOf(By.id("flags"))).contains("2020-Q2", "fall");
            ((org.openqa.selenium.JavascriptExecutor) coordinator.driver())
                    .executeScript("document.getElementById('early-warning-result').scrollIntoView();");
            coordinator.screenshot("early-warning-06-own-series");
        }
    }

    @Test
    void theCoordinatorReviewsAFlagOnAPhone() {
        String region = regionWithAJump();
        try (var coordinator = Browser.phone(port)) {
            seeAndReview(
                    coordinator,
                    region,
                    "Checked with the regional office: a registration backlog.",
                    "early-warning-phone");
        }
    }

    /**
     * A trend's download link changed by hand (a period that ends before it starts) is refused on a page in the
     * reader's language, on a phone: what was wrong and what to do, never an error code or a stack trace.
     */
    @Test
    void aDownloadLinkChangedByHandIsRefusedInFrenchOnAPhone() {
        try (var statistician = Browser.phone(port)) {
            statistician.signIn("statistician", PASSWORD, null);
            statistician.go("/?lang=fr");
            statistician.go("/prevention/trends.csv?from=2025-Q1&to=2024-Q1");
            assertThat(statistician.heading()).isEqualTo("Impossible");
            assertThat(statistician.textOf(By.id("refusal"))).isEqualTo("La période commence après sa fin.");
            assertThat(statistician.driver().getPageSource())
                    .doesNotContain("Exception")
                    .doesNotContain("RuleViolation");
            Object fits = ((org.openqa.selenium.JavascriptExecutor) statistician.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            statistician.screenshot("refused-download-link-fr-phone");
        }
    }
}
