package org.opennrm.monitoring.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The co-ordinator drafts an action plan with two objectives, a measure under each and their budgets (a period that
 * ends before it starts is refused at its field first); the labour inspectorate, lead of one measure, finds it on
 * its home page on a phone, is refused a status change without evidence, reports it with evidence, and records
 * spending above the allocation, which is kept and flagged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActionPlanBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void theCoordinatorDraftsAPlanAndTheLeadOrganisationReportsStatusAndSpending() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String planTitle = "National Action Plan 2026-2028 " + suffix;
        String inspection = "Train labour inspectors in forced-labour indicators " + suffix;
        String shelterPlaces = "Open ten specialised shelter places " + suffix;

        try (var browser = Browser.open(port)) {
            browser.signIn("coordinator", "demo-password-for-tests", null);
            browser.go("/").clickId("nav-plans");
            browser.waitForText("Action plans").clickId("new-plan");
            browser.type("title", planTitle)
                    .date("startsOn", LocalDate.of(2026, 1, 1))
                    .date("endsOn", LocalDate.of(2025, 12, 31))
                    .submit("save");
            assertThat(browser.textOf(By.id("endsOn-error"))).contains("cannot come before the first day");
            browser.screenshot("plan-01-period-out-of-order");
            browser.date("endsOn", LocalDate.of(2028, 12, 31)).submit("save");
            assertThat(browser.heading()).isEqualTo(planTitle);

            browser.select("pillar", "Prevention")
                    .type("title", "Fewer workers exploited " + suffix)
                    .submit("add-objective");
            browser.select("pillar", "Protection")
                    .type("title", "Every identified victim assisted " + suffix)
                    .submit("add-objective");
            assertThat(browser.textOf(By.id("objectives"))).isNotBlank();

            browser.clickId("new-measure");
            browser.select("objectiveId", "Prevention: Fewer workers exploited " + suffix)
                    .type("title", inspection)
                    .select("leadOrganisation", "State Labour Inspectorate")
                    .date("startsOn", LocalDate.of(2026, 3, 1))
                    .date("dueOn", LocalDate.of(2027, 11, 30));
            browser.driver().findElements(By.cssSelector("input[name='partners']")).stream()
                    .filter(box -> box.getAttribute("id") != null)
                    .filter(box -> browser.driver()
                            .findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"))
                            .getText()
                            .equals("City Police Anti-Trafficking Unit"))
                    .findFirst()
                    .ifPresent(
                            box -> ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", box));
            browser.submit("save");
            assertThat(browser.heading()).isEqualTo(inspection);
            assertThat(browser.textOf(By.id("partners"))).contains("City Police Anti-Trafficking Unit");
            browser.selectValue("year", "2026")
                    .select("source", "State budget")
                    .type("planned", "12000")
                    .type("allocated", "10000")
                    .submit("save-budget");
            assertThat(browser.textOf(By.id("budget-lines")))
                    .contains("12,000.00")
                    .contains("10,000.00");

            browser.clickLink(planTitle).clickId("new-measure");
            browser.select("objectiveId", "Protection: Every identified victim assisted " + suffix)
                    .type("title", shelterPlaces)
                    .select("leadOrganisation", "Safe Harbour Shelter")
                    .date("startsOn", LocalDate.of(2026, 1, 1))
                    .date("dueOn", LocalDate.of(2028, 6, 30))
                    .submit("save");
            browser.selectValue("year", "2027")
                    .select("source", "Donors")
                    .type("planned", "30000")
                    .type("allocated", "25000")
                    .submit("save-budget");
            browser.clickLink(planTitle);
            assertThat(browser.textOf(By.id("total-planned"))).isEqualTo("42,000.00");
            assertThat(browser.textOf(By.id("total-allocated"))).isEqualTo("35,000.00");
            assertThat(browser.textOf(By.id("totals-by-organisation")))
                    .contains("State Labour Inspectorate")
                    .contains("Safe Harbour Shelter");
            browser.screenshot("plan-02-plan-with-two-objectives-desktop");
        }

        try (var phone = Browser.phone(port)) {
            phone.signIn("inspector", "demo-password-for-tests", null);
            phone.go("/").waitFor(By.id("plan-measures"));
            assertThat(phone.textOf(By.id("plan-measures")))
                    .contains(inspection)
                    .doesNotContain(shelterPlaces);
            phone.screenshot("plan-03-lead-organisation-home-phone");
            phone.clickLink(inspection);
            assertThat(phone.heading()).isEqualTo(inspection);

            phone.select("status", "On track").submit("save-status");
            assertThat(phone.textOf(By.id("evidence-error"))).contains("Give the evidence");
            phone.select("status", "On track")
                    .type("evidence", "40 inspectors trained in March; attendance sheets filed with the ministry.")
                    .submit("save-status");
            assertThat(phone.textOf(By.id("status"))).isEqualTo("On track");
            assertThat(phone.textOf(By.id("history")))
                    .contains("Not started to On track, by inspector")
                    .contains("40 inspectors trained in March");

            // the lead organisation reports spending only: no planned or allocated fields for it
            assertThat(phone.driver().findElements(By.name("planned"))).isEmpty();
            phone.selectValue("year", "2026")
                    .select("source", "State budget")
                    .type("spent", "10500.50")
                    .submit("save-budget");
            assertThat(phone.textOf(By.id("flash"))).contains("above the allocation");
            assertThat(phone.textOf(By.id("budget-lines")))
                    .contains("10,500.50")
                    .contains("10,000.00")
                    .contains("Above allocation");
            Object fits = ((JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            phone.screenshot("plan-04-status-and-spending-phone");
        }
    }
}
