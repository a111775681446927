package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.linkage.population.RealisticLists;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A case manager reviews possible duplicates: those the check at referral raised and those the field-aware sweep
 * found after it, each saying on what it rests; records a decision on one the sweep found; then reads the list on a
 * phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DuplicateReviewBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    FieldDuplicateSweep sweep;

    @Autowired
    PersonEncoding encoding;

    UUID refer(String row) {
        return FieldDuplicateSweepTests.refer(check, encoding, row);
    }

    @Test
    void aCaseManagerDecidesOnAPossibleDuplicateTheSweepFound() {
        var lists = new RealisticLists(29, RealisticLists.Errors.typical()).generate(300, 0.5);
        for (String row : lists.a().subList(1, lists.a().size())) {
            refer(row);
        }
        Map<String, String> rowOfB = new HashMap<>();
        for (String row : lists.b().subList(1, lists.b().size())) {
            rowOfB.put(row.split(",", -1)[0], row);
        }
        lists.truth().values().stream().limit(60).forEach(b -> refer(rowOfB.get(b)));
        var swept = sweep.sweep();
        assertThat(swept.raised())
                .as("the sweep found pairs the check at referral missed")
                .isPositive();

        try (var browser = Browser.open(port)) {
            browser.signIn("casemanager", "demo-password-for-tests", null);
            browser.go("/linkage/duplicates").waitFor(By.id("duplicates"));
            assertThat(browser.textOf(By.id("duplicate-sweep")))
                    .startsWith("Field-by-field check: last run")
                    .contains(swept.raised() + " of them new possible duplicates");
            WebElement card = browser.driver().findElements(By.cssSelector("#duplicates > li")).stream()
                    .filter(li -> li.getText().contains("Match probability (field by field)"))
                    .findFirst()
                    .orElseThrow();
            String id = card.getAttribute("id");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView()", card);
            browser.screenshot("duplicate-review-01-sweep-alert");
            WebElement same = card.findElement(By.cssSelector("button[value=CONFIRMED_SAME]"));
            WebElement page = browser.driver().findElement(By.tagName("html"));
            same.click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
            browser.waitForText("Your decision was recorded.");
            assertThat(browser.driver().findElements(By.id(id))).isEmpty();
        }
        try (var phone = Browser.phone(port)) {
            phone.signIn("casemanager", "demo-password-for-tests", null);
            phone.go("/linkage/duplicates").waitFor(By.id("duplicate-sweep"));
            assertThat(phone.text()).contains("Match probability (field by field)");
            phone.screenshot("duplicate-review-02-phone");
        }
    }
}
