package org.opennrm.prevention.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An ad analyst imports collected ads from the home page (first a file with a bad phone number: which line and why,
 * nothing imported; then the corrected file), opens the triage queue, reviews the first cluster with its reasons and
 * labels it relevant, and reads the queue's precision: at desktop size and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdScreeningBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    /** One advertiser (three near-duplicates, its phone written three ways, on three sites) and an innocent ad. */
    static String ads(String run, String badPhone) {
        String digits = String.valueOf(Math.abs(run.hashCode() % 9000) + 1000);
        // words of this run only, so that the ads of another run are not near-duplicates of these
        var random = new java.util.Random(run.hashCode());
        var own = new StringBuilder();
        String[] syllables = {"ka", "lo", "mi", "ten", "ra", "vo", "su", "pel", "dan", "ri", "mo", "tu", "sa", "gor"};
        for (int w = 0; w < 30; w++) {
            for (int s = 0; s < 3; s++) {
                own.append(syllables[random.nextInt(syllables.length)]);
            }
            own.append(w % 6 == 5 ? ". " : " ");
        }
        String body = "Hotel " + run + " in the south hires waitresses for the season. Accommodation provided on site,"
                + " no days off. Travel costs deducted from salary. " + own + "Contact " + run + " today.";
        return "reference,collected_at,site,language,title,text,phones,location\n"
                + "R-" + run + "-1,2026-02-03T10:00:00Z,jobs.example,en,Waitresses " + run + ",\"" + body
                + "\",0151 2345 " + digits + ",Berlin\n"
                + "R-" + run + "-2,2026-02-05T10:00:00Z,ads.example,en,Waitresses " + run + ",\""
                + body.replace("today", "now") + "\"," + badPhone + ",Hamburg\n"
                + "R-" + run + "-3,2026-02-07T10:00:00Z,market.example,en,Waitresses " + run + "!,\""
                + body.replace("the season", "summer") + "\",0049-151-2345" + digits + ",Berlin\n"
                + "R-" + run + "-4,2026-02-08T10:00:00Z,market.example,en,Bicycle " + run
                + ",Blue city bicycle with lights and a lock,,Berlin\n";
    }

    void importReviewAndLabel(Browser analyst, String screenshots) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        analyst.signIn("adanalyst", PASSWORD, null);
        analyst.waitFor(By.id("panel-ads"));
        analyst.screenshot(screenshots + "-01-home");
        analyst.clickId("ads-panel-open");
        analyst.waitForPath("/ads");

        Path bad = Files.createTempFile("ads-bad", ".csv");
        Path good = Files.createTempFile("ads", ".csv");
        try {
            String digits = String.valueOf(Math.abs(run.hashCode() % 9000) + 1000);
            Files.writeString(bad, ads(run, "call me"));
            Files.writeString(good, ads(run, "+49 151 2345 " + digits));
            analyst.type("region", "DE");
            analyst.driver()
                    .findElement(By.id("file"))
                    .sendKeys(bad.toAbsolutePath().toString());
            analyst.submit("ads-import-submit");
            assertThat(analyst.textOf(By.id("ads-problems")))
                    .contains(
                            "Nothing was imported", "Line 3: the phone number call me is not a possible phone number.");
            scrollTo(analyst, "ads-problems");
            analyst.screenshot(screenshots + "-02-bad-line");

            analyst.driver()
                    .findElement(By.id("file"))
                    .sendKeys(good.toAbsolutePath().toString());
            analyst.submit("ads-import-submit");
            assertThat(analyst.textOf(By.id("ads-imported"))).contains("4 ads imported");
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
        analyst.screenshot(screenshots + "-03-queue");
        // the cluster of this run: three ads on three sites, with its reasons beside it
        String queue = analyst.textOf(By.id("ads-queue"));
        assertThat(queue)
                .contains("3 ads on 3 sites", "Restricted movement, +3", "Debt, +3", "no days off", "Cluster of 3 ads");

        // the cluster of this run: the one not reviewed yet (another run's may stand beside it with the same score)
        analyst.click(By.xpath("//table[@id='ads-queue']//tr[td[4][contains(., 'Restricted movement')]"
                + " and td[6][contains(., 'Not reviewed')]]//a[contains(., '3 ads on 3 sites')]"));
        analyst.waitFor(By.id("ads-reasons"));
        assertThat(analyst.textOf(By.id("ads-reasons"))).contains("Its contacts appear on 3 sites, +1");
        String page = analyst.text();
        String digits = String.valueOf(Math.abs(run.hashCode() % 9000) + 1000);
        assertThat(page).contains("Waitresses " + run, "+491512345" + digits);
        analyst.screenshot(screenshots + "-04-cluster");
        analyst.check("label", "RELEVANT");
        scrollTo(analyst, "ads-label-form");
        analyst.screenshot(screenshots + "-05-label");
        analyst.submit("ads-label-save");
        assertThat(analyst.textOf(By.id("ads-labelled"))).contains("The label is saved.");
        assertThat(analyst.textOf(By.id("ads-cluster-label"))).isEqualTo("Relevant");

        analyst.clickId("ads-back");
        analyst.waitFor(By.id("ads-precision"));
        assertThat(analyst.textOf(By.id("ads-queue"))).contains("Relevant");
        assertThat(analyst.textOf(By.id("ads-precision"))).contains("100%");
        scrollTo(analyst, "ads-precision");
        analyst.screenshot(screenshots + "-06-precision");
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    @Test
    void anAnalystImportsAdsReviewsAClusterAndLabelsItOnADesktop() throws Exception {
        try (var analyst = Browser.open(port)) {
            importReviewAndLabel(analyst, "ads");
        }
    }

    @Test
    void anAnalystDoesTheSameOnAPhone() throws Exception {
        try (var analyst = Browser.phone(port)) {
            importReviewAndLabel(analyst, "ads-phone");
        }
    }
}
