package org.opennrm.monitoring.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The national rapporteur (the demo statistician sits in the rapporteur's office) registers a GRETA recommendation,
 * links the demo plan's measure that answers it, and finds in the evaluator's view what the labour inspectorate
 * reported on it since a date; the view fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecommendationsBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void theRapporteurLinksAGretaRecommendationAndSeesWhatWasDoneSince() {
        String reference =
                "GRETA(2023)12, paragraph 87 " + UUID.randomUUID().toString().substring(0, 6);
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            browser.go("/").clickId("nav-plans");
            browser.clickId("recommendations");
            browser.select("source", "GRETA")
                    .type("reference", reference)
                    .date("issuedOn", java.time.LocalDate.now().minusYears(2))
                    .type(
                            "text",
                            "GRETA urges the authorities to train labour inspectors to detect forced labour and refer"
                                    + " presumed victims.")
                    .submit("register");
            assertThat(browser.heading()).contains(reference);
            browser.select("measureId", "Train labour inspectors in the indicators of forced labour")
                    .submit("link");
            assertThat(browser.textOf(By.id("answers")))
                    .contains("Train labour inspectors in the indicators of forced labour");

            browser.clickLink("All recommendations");
            browser.select("by", "GRETA").submit("show-since");
            assertThat(browser.heading()).startsWith("What was done since");
            assertThat(browser.text())
                    .contains(reference)
                    .contains("Train labour inspectors in the indicators of forced labour")
                    .contains("62 of 80 inspectors trained");
            browser.screenshot("plan-05-recommendation-since-desktop");
            String since = browser.path();

            try (var phone = Browser.phone(port)) {
                phone.signIn("statistician", "demo-password-for-tests", null);
                phone.go(since).waitForText(reference);
                Object fits = ((JavascriptExecutor) phone.driver())
                        .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
                assertThat(fits).isEqualTo(true);
                phone.screenshot("plan-06-recommendation-since-phone");
            }
        }
    }
}
