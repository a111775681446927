package org.opennrm.prevention.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The financial intelligence unit's analyst codes a report from the home page (first with one field wrong, then with
 * one red flag and the warning that one indicator confirms nothing), records its dissemination to the police and reads
 * the feedback statistics: at desktop size and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FinancialFlagsBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    void codeAReportAndReadTheStatistics(Browser analyst, String screenshots) {
        String reference = "STR-" + UUID.randomUUID().toString().substring(0, 8);
        analyst.signIn("fiu", PASSWORD, null);
        analyst.waitFor(By.id("panel-financial-flags"));
        analyst.screenshot(screenshots + "-01-home");
        analyst.clickId("panel-financial-flags-code");
        analyst.waitFor(By.id("report-form"));
        assertThat(analyst.textOf(By.id("finance-warning"))).contains("No single indicator alone confirms trafficking");

        // a date in the future is refused with the field's message, and what was typed stays
        analyst.type("reference", reference)
                .date("receivedOn", LocalDate.now().plusDays(5))
                .select("entityType", "Money-service business")
                .check("indicators", "WAGES_PAID_OUT_TO_ONE_PERSON");
        analyst.submit("report-save");
        assertThat(analyst.textOf(By.id("receivedOn-error"))).contains("not in the future");
        analyst.screenshot(screenshots + "-02-field-error");

        analyst.date("receivedOn", LocalDate.now().minusDays(10));
        analyst.submit("report-save");
        assertThat(analyst.textOf(By.id("report-coded"))).contains("The report is coded");
        assertThat(analyst.textOf(By.id("report-warning")))
                .contains("one indicator only")
                .doesNotContainIgnoringCase("confirmed");
        assertThat(analyst.textOf(By.id("report-indicators"))).contains("Wages of several workers", "FIN-2014-A008");
        analyst.screenshot(screenshots + "-03-coded");

        analyst.date("disseminatedOn", LocalDate.now().minusDays(2));
        analyst.submit("outcome-save");
        assertThat(analyst.textOf(By.id("outcome-recorded"))).contains("recorded");

        analyst.go("/financial-flags/statistics");
        analyst.waitFor(By.id("statistics-quarters"));
        assertThat(analyst.textOf(By.id("statistics-quarters"))).contains("Money-service business");
        assertThat(analyst.textOf(By.id("statistics-indicators"))).contains("Wages of several workers");
        analyst.screenshot(screenshots + "-04-statistics");
    }

    @Test
    void anAnalystCodesAReportAndReadsTheFeedbackStatisticsOnADesktop() {
        try (var analyst = Browser.open(port)) {
            codeAReportAndReadTheStatistics(analyst, "financial-flags");
        }
    }

    @Test
    void anAnalystDoesTheSameOnAPhone() {
        try (var analyst = Browser.phone(port)) {
            codeAReportAndReadTheStatistics(analyst, "financial-flags-phone");
        }
    }
}
