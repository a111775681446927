package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.DatabaseOfItsOwn;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistician opens the SDG 16.2.2 draft, picks the completed estimate on the platform's lists of the year as the
 * total and reads it beside the detected victims (desktop and phone); an estimate still waiting is refused at the
 * field. The fit itself is exercised in {@link SdgEstimateTests}: here the job is stored as the worker leaves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DatabaseOfItsOwn
class SdgEstimateBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    /** The year of the return (the database is this class's own). */
    static final int YEAR = 2025;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStatisticianSetsTheEstimatedTotalBesideTheDetectedVictims() {
        jdbc.sql("delete from statistics.fact where period_year = ?")
                .param(YEAR)
                .update();
        for (int i = 0; i < 90; i++) {
            jdbc.sql("""
                            insert into statistics.fact (event_kind, period_year, period_quarter, period_month, sex,
                                child, exploitation_forms, referring_sector)
                            values ('REFERRAL', ?, 1, 1, ?, ?, cast(? as varchar(40)[]), 'NGO')
                            """)
                    .params(
                            YEAR,
                            i % 3 == 0 ? "MASCULINE" : "FEMININE",
                            i % 5 == 0,
                            i % 2 == 0 ? "{SEXUAL_EXPLOITATION}" : "{FORCED_LABOUR}")
                    .update();
        }
        jdbc.sql("delete from monitoring.return_population where population_year = ?")
                .param(YEAR)
                .update();
        Map.of("TOTAL", 2_500_000L, "FEMALE", 1_300_000L, "MALE", 1_200_000L, "CHILD", 500_000L, "ADULT", 2_000_000L)
                .forEach((group, population) ->
                        jdbc.sql("""
                                insert into monitoring.return_population (population_year, population_group, population)
                                values (?, ?, ?)""").params(YEAR, group, population).update());
        UUID done = job("DONE", """
                {"observed": 480, "warnings": [{"kind": "WIDE_INTERVAL", "value": 2.1}], "recommendedRow":
                 {"choice": "SPAN", "model": "latent classes (K* = 2) | Rasch-type, AIC", "total": 1130.4,
                  "totalLower": 742.6, "totalUpper": 1561.2}}""");
        UUID waiting = job("SUBMITTED", null);

        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", PASSWORD, null);
            browser.go("/returns/draft?template=sdg-16-2-2&year=" + YEAR);
            browser.selectValue("estimate", done.toString()).submit("use-estimate");
            assertThat(browser.textOf(By.id("estimate-detected"))).isEqualTo("90");
            assertThat(browser.textOf(By.id("estimate-detected-rate"))).isEqualTo("3.60");
            assertThat(browser.textOf(By.id("estimate-total"))).isEqualTo("1130");
            assertThat(browser.textOf(By.id("estimate-interval"))).isEqualTo("742 to 1562");
            assertThat(browser.textOf(By.id("estimate-rate"))).isEqualTo("45.22");
            assertThat(browser.textOf(By.id("estimate-rate-interval"))).isEqualTo("29.68 to 62.48");
            assertThat(browser.textOf(By.id("estimate-warnings"))).contains("warnings");
            assertThat(browser.textOf(By.id("coverage"))).contains("stay counts of detected victims");
            scrollTo(browser, "estimated-total");
            browser.screenshot("sdg-estimate-01-draft-with-estimate");

            browser.type("otherEstimate", waiting.toString()).submit("use-estimate");
            assertThat(browser.textOf(By.id("estimate-problem"))).contains("has not finished yet");
            assertThat(browser.driver().findElements(By.id("send-form"))).isEmpty();
            scrollTo(browser, "estimate-form");
            browser.screenshot("sdg-estimate-02-waiting-refused");
        }
        try (var browser = Browser.phone(port)) {
            browser.signIn("statistician", PASSWORD, null);
            browser.go("/returns/draft?template=sdg-16-2-2&year=" + YEAR + "&estimate=" + done)
                    .waitFor(By.id("estimated-total"));
            scrollTo(browser, "estimated-total");
            browser.screenshot("sdg-estimate-03-phone");
        }
    }

    private static void scrollTo(Browser browser, String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private UUID job(String status, String result) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into statistics.estimation_job (id, status, progress, source, first_year, last_year,
                            overlap_table, lists, classes, burn_in, samples, thinning, seed, time_limit_seconds,
                            submitted_at, finished_at, result)
                        values (?, ?, 0, 'CASES', ?, ?, 'A,B,C,count', 3, 10, 1000, 200, 2, 1, 60, ?, ?,
                            cast(? as jsonb))
                        """)
                .params(
                        id,
                        status,
                        YEAR,
                        YEAR,
                        Timestamp.from(Instant.now()),
                        status.equals("DONE") ? Timestamp.from(Instant.now()) : null,
                        result)
                .update();
        return id;
    }
}
