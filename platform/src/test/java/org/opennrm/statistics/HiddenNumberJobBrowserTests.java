package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A statistician pastes a list-overlap table, starts the comparison with the latent-class model, watches its
 * progress and reads the models side by side with the recommended one; the page fits a phone. The chain is made long
 * enough (40,000 iterations) that the progress is on screen for a few seconds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "opennrm.statistics.estimation.burn-in=20000",
            "opennrm.statistics.estimation.samples=1000",
            "opennrm.statistics.estimation.thinning=20"
        })
@ActiveProfiles("test")
class HiddenNumberJobBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void aStatisticianStartsALatentClassEstimateSeesItsProgressThenTheComparison() {
        String jobPath;
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            browser.go("/statistics/estimates").type("table", MseFixtures.csv("Kosovo"));
            browser.clickId("estimate-job").waitForPath("/statistics/estimates/jobs/");
            jobPath = browser.path();
            browser.waitFor(By.id("job-progress"));
            assertThat(browser.textOf(By.id("job-status"))).containsAnyOf("Waiting to start", "Running");
            browser.screenshot("statistics-20-hidden-number-progress");

            new WebDriverWait(browser.driver(), Duration.ofSeconds(180))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("comparison")));
            assertThat(browser.textOf(By.id("job-status"))).contains("Done");
            assertThat(browser.driver().findElements(By.id("job-progress"))).isEmpty();
            // Kosovo: the models that allow unequal recording give a number, so the interval spans them
            assertThat(browser.textOf(By.id("recommended")))
                    .contains("Recommended: The models that allow unequal recording together")
                    .contains("95% interval")
                    .contains("geometric mean");
            assertThat(browser.textOf(By.id("comparison")))
                    .contains("Latent-class model")
                    .contains("Logit-normal model")
                    .contains("Two-class model (a group recorded more easily than the rest)")
                    .contains("Rasch-type log-linear model, interactions chosen by AIC")
                    .contains("Log-linear model chosen by AIC")
                    .contains("Log-linear model, main effects only");
            assertThat(browser.textOf(By.id("latent-class-details"))).contains("effective draws");
            assertThat(browser.text()).doesNotContain("NaN").doesNotContain("statistics.jobs.");
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('recommended').scrollIntoView()");
            browser.screenshot("statistics-21-hidden-number-result");
        }

        try (var phone = Browser.phone(port)) {
            phone.signIn("statistician", "demo-password-for-tests", null);
            phone.go(jobPath).waitFor(By.id("comparison"));
            Object fits = ((JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            ((JavascriptExecutor) phone.driver())
                    .executeScript("document.getElementById('comparison').scrollIntoView()");
            phone.screenshot("statistics-22-hidden-number-phone");
        }
    }
}
