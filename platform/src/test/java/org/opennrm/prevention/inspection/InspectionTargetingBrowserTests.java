package org.opennrm.prevention.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The inspectorate's planner opens the targeting from the home page, uploads a history with a bad line and reads which
 * line and why, uploads the corrected files, reads the ranked list with the explanation of a rank, makes a plan with a
 * share drawn by lot and opens the backtest: at desktop size and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InspectionTargetingBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    void importRankAndPlan(Browser planner, String screenshots) throws Exception {
        planner.signIn("planner", PASSWORD, null);
        planner.waitFor(By.id("panel-inspection"));
        planner.screenshot(screenshots + "-01-home");
        planner.clickId("panel-inspection-open");
        planner.waitFor(By.id("import-form"));

        String[] files = InspectionTargetingWebTests.files(17, 1_500);
        String[] lines = files[1].split("\n");
        lines[5] = lines[5].replaceFirst(",(yes|no),", ",perhaps,");
        Path register = Files.createTempFile("register", ".csv");
        Path bad = Files.createTempFile("inspections-bad", ".csv");
        Path history = Files.createTempFile("inspections", ".csv");
        try {
            Files.writeString(register, files[0]);
            Files.writeString(bad, String.join("\n", lines));
            Files.writeString(history, files[1]);
            planner.driver()
                    .findElement(By.id("registerFile"))
                    .sendKeys(register.toAbsolutePath().toString());
            planner.driver()
                    .findElement(By.id("inspectionsFile"))
                    .sendKeys(bad.toAbsolutePath().toString());
            planner.submit("import-submit");
            assertThat(planner.textOf(By.id("import-problems")))
                    .contains(
                            "Nothing was imported", "History", "Line 6: violation must be yes or no, not \"perhaps\".");
            scrollTo(planner, "import-problems");
            planner.screenshot(screenshots + "-02-bad-line");

            planner.driver()
                    .findElement(By.id("registerFile"))
                    .sendKeys(register.toAbsolutePath().toString());
            planner.driver()
                    .findElement(By.id("inspectionsFile"))
                    .sendKeys(history.toAbsolutePath().toString());
            planner.submit("import-submit");
        } finally {
            Files.deleteIfExists(register);
            Files.deleteIfExists(bad);
            Files.deleteIfExists(history);
        }
        assertThat(planner.textOf(By.id("inspection-imported"))).contains("1,500 workplaces");
        assertThat(planner.textOf(By.id("ranking-model"))).contains("Regularised logistic regression");
        planner.screenshot(screenshots + "-03-ranking");

        // every shown rank has its explanation; the first one opened
        int shown =
                planner.driver().findElements(By.cssSelector("#ranking > li")).size();
        assertThat(shown).isEqualTo(InspectionController.SHOWN);
        assertThat(planner.driver().findElements(By.cssSelector("#ranking details.explanation")))
                .hasSize(shown);
        planner.driver().findElement(By.cssSelector("#why-1 summary")).click();
        assertThat(planner.textOf(By.id("why-1"))).contains("Starting point", "Sector:");
        scrollTo(planner, "why-1");
        planner.screenshot(screenshots + "-04-why");

        planner.type("capacity", "150").type("randomPercent", "10");
        planner.submit("plan-submit");
        assertThat(planner.textOf(By.id("plan-summary"))).contains("150 inspections", "15 drawn by lot");
        assertThat(planner.textOf(By.id("plan-entries"))).contains("high estimated risk", "drawn by lot");
        planner.screenshot(screenshots + "-05-plan");

        planner.go("/inspection/backtest?k=150");
        planner.waitFor(By.id("backtest"));
        assertThat(planner.textOf(By.id("backtest-bias"))).contains("selection bias");
        planner.screenshot(screenshots + "-06-backtest");
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    @Test
    void aPlannerImportsTheRegisterAndSeesTheRankedListWithExplanationsOnADesktop() throws Exception {
        try (var planner = Browser.open(port)) {
            importRankAndPlan(planner, "inspection");
        }
    }

    @Test
    void aPlannerDoesTheSameOnAPhone() throws Exception {
        try (var planner = Browser.phone(port)) {
            importRankAndPlan(planner, "inspection-phone");
        }
    }
}
