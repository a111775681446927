package org.opennrm.prevention.suppliers;

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
 * A procurement officer imports a list of employers found using forced labour with its source and the office's
 * supplier list, screens the suppliers, and reviews a fuzzy match: a dismissal without a reason is refused, then the
 * match is confirmed and the supplier shows as matched. At desktop size and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupplierScreeningBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    void screenAndReview(Browser officer, String screenshots) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        officer.signIn("procurement", PASSWORD, null);
        officer.waitFor(By.id("panel-suppliers"));
        officer.screenshot(screenshots + "-01-home");
        officer.clickId("panel-suppliers-open");
        officer.waitFor(By.id("list-form"));

        officer.type("listName", "Employers found using forced labour " + run)
                .type("publisher", "Synthetic Labour Authority")
                .date("publishedOn", LocalDate.of(2025, 6, 30))
                .type("url", "https://example.org/forced-labour-" + run)
                .type("listText", SupplierFixtures.LIST.strip());
        officer.submit("list-submit");
        assertThat(officer.textOf(By.id("list-imported"))).contains("5 employers");

        officer.type("supplierText", SupplierFixtures.SUPPLIERS.strip().replace("SUP-", "SUP-" + run + "-"));
        officer.submit("supplier-submit");
        assertThat(officer.textOf(By.id("suppliers-imported"))).contains("5 suppliers");

        officer.submit("screen");
        assertThat(officer.textOf(By.id("screened"))).contains("candidate matches await review");
        assertThat(officer.textOf(By.id("suppliers"))).contains("SUNRISE TEXTILE LLC", "Candidate match to review");
        officer.screenshot(screenshots + "-02-screened");

        officer.clickId("review-link");
        officer.waitFor(By.id("match-0"));
        assertThat(officer.textOf(By.id("match-0"))).contains("Listed employer", "Name similarity");
        officer.screenshot(screenshots + "-03-review");

        officer.submit("dismiss-0");
        assertThat(officer.textOf(By.id("match-error-0"))).contains("Say why you dismiss the match");
        scrollTo(officer, "match-0");
        officer.screenshot(screenshots + "-04-reason-needed");

        officer.submit("confirm-0");
        assertThat(officer.textOf(By.id("match-reviewed"))).contains("confirmed");
        officer.go("/suppliers");
        officer.waitFor(By.id("suppliers"));
        assertThat(officer.textOf(By.id("suppliers"))).contains("Confirmed as a listed employer");
        officer.screenshot(screenshots + "-05-matched");

        // the sector's risk checklist for a tender with this supplier: the answers that raised the risk are shown
        officer.clickId("checklists-link");
        officer.waitFor(By.id("sector-form"));
        officer.selectValue("sector", "TEXTILES");
        officer.submit("sector-open");
        officer.waitFor(By.id("checklist-form"));
        officer.type("tenderReference", "T-" + run);
        for (String question : new String[] {
            "RECRUITMENT_FEES", "WAGES_WITHHELD", "EXCESSIVE_OVERTIME", "EMPLOYER_HOUSING", "NO_GRIEVANCE_CHANNEL"
        }) {
            officer.tick("answer-" + question + "-NO");
        }
        officer.tick("answer-DOCUMENTS_RETAINED-YES");
        officer.tick("answer-SUBCONTRACTORS_KNOWN-UNKNOWN");
        officer.tick("answer-INDEPENDENT_AUDIT-NO");
        officer.submit("checklist-save");
        assertThat(officer.textOf(By.id("form-errors"))).isNotBlank();
        officer.tick("answer-RAW_MATERIALS_TRACED-NO");
        officer.submit("checklist-save");
        assertThat(officer.textOf(By.id("checklist-level"))).contains("High risk", "4.5");
        assertThat(officer.textOf(By.id("checklist-raising")))
                .contains("identity documents", "raw materials", "independent audit");
        officer.screenshot(screenshots + "-06-checklist");
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    @Test
    void aProcurementOfficerScreensSuppliersAndReviewsAFuzzyMatchOnADesktop() {
        try (var officer = Browser.open(port)) {
            screenAndReview(officer, "suppliers");
        }
    }

    @Test
    void aProcurementOfficerDoesTheSameOnAPhone() {
        try (var officer = Browser.phone(port)) {
            screenAndReview(officer, "suppliers-phone");
        }
    }
}
