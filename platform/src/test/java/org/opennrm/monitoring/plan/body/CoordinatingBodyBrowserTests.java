package org.opennrm.monitoring.plan.body;

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
 * The co-ordinator, at a desk, adds the police to the co-ordinating body as chair, records a meeting held three weeks
 * ago and an action item for the police (a due date before the meeting is refused at its field), due five days ago;
 * on a phone the co-ordinator finds it overdue on the home page, follows it to the meeting and marks it done, and it
 * leaves the home page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CoordinatingBodyBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void theCoordinatorRecordsAMeetingAndChasesItsOverdueActionItem() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String what = "Send the quarterly inspection figures " + suffix;
        LocalDate today = LocalDate.now();

        try (var browser = Browser.open(port)) {
            browser.signIn("coordinator", "demo-password-for-tests", null);
            browser.go("/").clickId("nav-plans");
            browser.waitForText("Action plans").clickId("coordinating-body");
            assertThat(browser.heading()).isEqualTo("The co-ordinating body");
            // an e-mail without the representative's name is refused at the name, and what was typed stays
            browser.select("organisationId", "City Police Anti-Trafficking Unit")
                    .select("role", "Chair")
                    .type("representativeEmail", "unit.head@example.org")
                    .submit("add-member");
            assertThat(browser.textOf(By.id("representative-error"))).contains("Name the representative");
            browser.type("representative", "Rosa Saldorin " + suffix)
                    .type("representativeFunction", "Head of unit")
                    .submit("add-member");
            assertThat(browser.textOf(By.id("members")))
                    .contains("City Police Anti-Trafficking Unit")
                    .contains("Chair")
                    .contains("Rosa Saldorin " + suffix)
                    .contains("Head of unit")
                    .contains("unit.head@example.org");
            browser.screenshot("body-00-members-desktop");

            browser.date("heldOn", today.minusDays(21))
                    .type("agenda", "1. Labour exploitation in agriculture\n2. Inspection figures " + suffix)
                    .submit("record-meeting");
            assertThat(browser.heading()).isEqualTo("Meeting of " + today.minusDays(21));
            browser.type("minutes", "Present: police, labour inspectorate, co-ordinator.")
                    .type("decisions", "Inspection figures are shared every quarter.")
                    .submit("save-minutes");

            browser.type("what", what)
                    .select("organisationId", "City Police Anti-Trafficking Unit")
                    .date("dueOn", today.minusDays(22))
                    .submit("add-action");
            assertThat(browser.textOf(By.id("dueOn-error"))).contains("cannot come before the meeting");
            browser.screenshot("body-01-due-before-meeting-desktop");
            browser.date("dueOn", today.minusDays(5)).submit("add-action");
            assertThat(browser.textOf(By.id("actions")))
                    .contains(what)
                    .contains("City Police Anti-Trafficking Unit")
                    .contains("Overdue");
            assertThat(browser.driver().findElement(By.id("decisions-text")).getAttribute("value"))
                    .isEqualTo("Inspection figures are shared every quarter.");
            browser.screenshot("body-02-meeting-desktop");
        }

        try (var phone = Browser.phone(port)) {
            phone.signIn("coordinator", "demo-password-for-tests", null);
            phone.go("/").waitFor(By.id("body-actions"));
            assertThat(phone.textOf(By.id("body-actions"))).contains(what).contains("Overdue");
            phone.screenshot("body-03-overdue-on-home-phone");
            phone.clickLink(what);
            assertThat(phone.heading()).isEqualTo("Meeting of " + today.minusDays(21));
            var row = phone.driver().findElement(By.xpath("//tr[td/span[text()='" + what + "']]"));
            phone.submit(row.findElement(By.tagName("button")).getAttribute("id"));
            assertThat(phone.textOf(By.id("actions")))
                    .contains("Done on " + today)
                    .doesNotContain("Overdue");
            Object fits = ((JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            phone.screenshot("body-04-done-phone");
            Object panel = ((JavascriptExecutor) phone.driver())
                    .executeScript("var request = new XMLHttpRequest(); request.open('GET', '/plans/panel', false);"
                            + " request.send(); return request.responseText;");
            assertThat((String) panel).doesNotContain(what);
        }
    }
}
