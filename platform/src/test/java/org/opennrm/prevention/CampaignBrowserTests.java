package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * A prevention officer registers a campaign from the home page, uploads its survey with one bad line, reads which line
 * and why, uploads the corrected file and reads what the surveys show, then uploads the hotline's monthly calls and
 * reads the interrupted time series (the change of level and trend at the campaign's start and the conclusion in
 * words): at desktop size and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CampaignBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    void registerUploadAndRead(Browser officer, String screenshots) throws Exception {
        String name = "Safe jobs abroad " + UUID.randomUUID().toString().substring(0, 6);
        officer.signIn("prevention", PASSWORD, null);
        officer.waitFor(By.id("panel-prevention"));
        officer.screenshot(screenshots + "-01-home");
        officer.clickId("officer-panel-campaigns");
        officer.waitForPath("/prevention/campaigns");
        officer.clickId("campaign-new");
        officer.waitFor(By.id("campaign-form"));

        officer.type("name", name)
                .select("organisationId", "Safe Harbour Shelter")
                .type("audience", "Young job seekers and seasonal workers")
                .check("regions", "North Region")
                .date("startsOn", LocalDate.of(2026, 3, 1))
                .date("endsOn", LocalDate.of(2026, 5, 31))
                .check("channels", "RADIO")
                .check("channels", "SOCIAL_MEDIA")
                .type("messages", "A job abroad that takes your passport is not a job. Call the hotline.")
                .type("cost", "12500");
        officer.screenshot(screenshots + "-02-register");
        officer.submit("campaign-save");
        assertThat(officer.textOf(By.id("campaign-registered"))).contains("registered");
        assertThat(officer.textOf(By.id("campaign-details"))).contains("North Region", "Radio", "Social media");

        // the survey, with line 4 missing its design weight
        String good = KapSurveys.survey(11, 6, 10, 0.15);
        String[] lines = good.split("\n");
        lines[3] = lines[3].replaceFirst(",[0-9.]+,([01]),([01])$", ",,$1,$2");
        Path bad = Files.createTempFile("kap-survey-bad", ".csv");
        Path fixed = Files.createTempFile("kap-survey", ".csv");
        try {
            Files.writeString(bad, String.join("\n", lines));
            Files.writeString(fixed, good);

            officer.type("strata", KapSurveys.STRATA);
            officer.driver()
                    .findElement(By.id("file"))
                    .sendKeys(bad.toAbsolutePath().toString());
            officer.submit("survey-submit");
            assertThat(officer.textOf(By.id("survey-problems")))
                    .contains("Nothing was imported", "Line 4: the design weight is missing.");
            scrollTo(officer, "survey-problems");
            officer.screenshot(screenshots + "-03-bad-line");

            // the strata typed are kept; the corrected file is chosen again
            assertThat(officer.driver().findElement(By.id("strata")).getAttribute("value"))
                    .isEqualTo(KapSurveys.STRATA);
            officer.driver()
                    .findElement(By.id("file"))
                    .sendKeys(fixed.toAbsolutePath().toString());
            officer.submit("survey-submit");
            assertThat(officer.textOf(By.id("survey-imported"))).contains("480 respondents");
            scrollTo(officer, "survey-imported");
            officer.screenshot(screenshots + "-04-imported");
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(fixed);
        }

        officer.clickId("campaign-results");
        officer.waitFor(By.id("measure-1"));
        String report = officer.textOf(By.id("measure-1"));
        // four samples of 120 respondents in 12 clusters: the difference in differences is read with its interval, and
        // the page says which of "rose more" or "cannot tell from no effect" holds, never a bare number
        assertThat(report)
                .contains(
                        "Knows how to report",
                        "Difference in differences:",
                        "assumes that without the campaign both kinds of area would have changed alike",
                        "not what they do")
                .containsAnyOf(
                        "Against the comparison areas, the share rose more where the campaign ran",
                        "the surveys cannot tell the campaign's effect from no effect");
        assertThat(officer.textOf(By.id("estimates-1"))).contains("Before the campaign", "Campaign areas", "%");
        officer.screenshot(screenshots + "-05-result");
        scrollTo(officer, "estimates-1");
        officer.screenshot(screenshots + "-06-result-estimates");

        // hotline calls by month: 16 months before the campaign's start (2026-03), six from it on, clearly higher
        readHotlineCalls(officer, screenshots);
    }

    /** Hotline calls a month, from November 2024: about 41 before the campaign, about 66 from March 2026 on. */
    static final String HOTLINE_CALLS = hotlineCalls();

    private static String hotlineCalls() {
        int[] before = {40, 42, 39, 41, 43, 40, 42, 41, 39, 42, 40, 43, 41, 40, 42, 41};
        int[] after = {62, 65, 64, 67, 66, 68};
        var csv = new StringBuilder("period,value\n");
        var month = java.time.YearMonth.of(2024, 11);
        for (int value : before) {
            csv.append(month).append(',').append(value).append('\n');
            month = month.plusMonths(1);
        }
        for (int value : after) {
            csv.append(month).append(',').append(value).append('\n');
            month = month.plusMonths(1);
        }
        return csv.toString();
    }

    private static void readHotlineCalls(Browser officer, String screenshots) throws Exception {
        Path calls = Files.createTempFile("hotline-calls", ".csv");
        try {
            Files.writeString(calls, HOTLINE_CALLS);
            scrollTo(officer, "its-section");
            officer.driver()
                    .findElement(By.id("its-file"))
                    .sendKeys(calls.toAbsolutePath().toString());
            officer.screenshot(screenshots + "-07-its-upload");
            officer.submit("run-its");
        } finally {
            Files.deleteIfExists(calls);
        }
        officer.waitFor(By.id("its-conclusion"));
        assertThat(officer.textOf(By.id("its-conclusion")))
                .contains("The series rose clearly from 2026-03, the campaign's first period.");
        String estimates = officer.textOf(By.id("its-estimates"));
        assertThat(estimates).contains("Level at the campaign's start", "Trend per period after the start");
        assertThat(officer.textOf(By.id("its-section")))
                .contains("16 periods before the start, 6 from it on", "not proof that the campaign caused it");
        // the level rose by about 25 calls a month: the estimate shown is a positive number of that size
        var level = officer.driver()
                .findElement(By.cssSelector("#its-estimates tbody tr:first-child td"))
                .getText();
        assertThat(Double.parseDouble(level.replace(',', '.'))).isBetween(15.0, 35.0);
        scrollTo(officer, "its-conclusion");
        officer.screenshot(screenshots + "-08-its-result");
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    @Test
    void aPreventionOfficerRegistersACampaignUploadsItsSurveyAndReadsTheResultOnADesktop() throws Exception {
        try (var officer = Browser.open(port)) {
            registerUploadAndRead(officer, "campaign");
        }
    }

    @Test
    void aPreventionOfficerDoesTheSameOnAPhone() throws Exception {
        try (var officer = Browser.phone(port)) {
            registerUploadAndRead(officer, "campaign-phone");
        }
    }
}
