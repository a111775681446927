package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.SignedIn;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The court registrar uploads the court's figures with one bad line, reads what is wrong, fixes it and sends them
 * again; the statistician sees the Eurostat return's completeness turn complete, fills the return and sends it; a
 * second statistician approves it and the Eurostat return downloads (desktop and phone).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DatabaseOfItsOwn
class ReturnsBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    AgencyReports reports;

    @Autowired
    JdbcClient jdbc;

    void facts(int year, int count, String event, String sex, boolean child, String citizenship, String forms) {
        for (int i = 0; i < count; i++) {
            int month = 1 + i % 12;
            jdbc.sql("""
                            insert into statistics.fact (event_kind, period_year, period_quarter, period_month, sex,
                                child, citizenship, exploitation_forms, referring_sector)
                            values (?, ?, ?, ?, ?, ?, ?, cast(? as varchar(40)[]), 'NGO')
                            """)
                    .params(event, year, (month + 2) / 3, month, sex, child, citizenship, forms)
                    .update();
        }
    }

    @Test
    void courtFiguresAreFixedCompletenessTurnsCompleteAndTheApprovedEurostatReturnDownloads() throws Exception {
        // a year of this test's own (the database is this class's own), emptied first
        int year = 2021;
        jdbc.sql("delete from statistics.fact where period_year = ?")
                .param(year)
                .update();
        facts(year, 60, "REFERRAL", "FEMININE", false, "ROU", "{SEXUAL_EXPLOITATION}");
        facts(year, 45, "REFERRAL", "MASCULINE", false, "UKR", "{FORCED_LABOUR}");
        facts(year, 25, "REFERRAL", "FEMININE", true, "MDA", "{FORCED_BEGGING}");
        facts(year, 20, "ANONYMOUS_NOTIFICATION", "FEMININE", false, "UKR", "{SEXUAL_EXPLOITATION}");
        var police = TestSignIn.actor(Role.AGENCY_REPORTER, UUID.randomUUID());
        SignedIn.as(
                police,
                () -> reports.submit(
                        Agency.POLICE,
                        year,
                        new StringReader("measure,sex,age_group,form,count\nSUSPECTS,MALE,ADULT,ALL,31\n"),
                        null));
        SignedIn.as(
                police,
                () -> reports.submit(
                        Agency.PROSECUTION,
                        year,
                        new StringReader("measure,sex,age_group,form,count\nPERSONS_PROSECUTED,MALE,ADULT,ALL,22\n"),
                        null));

        Path bad = Files.createTempFile(files(), "court-figures", ".csv");
        Files.writeString(bad, """
                measure,sex,age_group,form,count
                COURT_DECISIONS,ALL,ALL,ALL,40
                PERSONS_CONVICTED,MALE,ADULT,SEXUAL_EXPLOITATION,17
                PERSONS_CONVICTED,FEMALE,ADULT,SEXUAL_EXPLOITATION,-3
                CUSTODIAL_SENTENCES,MALE,ADULT,ALL,12
                """);
        Path fixed = Files.createTempFile(files(), "court-figures-fixed", ".csv");
        Files.writeString(fixed, Files.readString(bad).replace(",-3", ",3"));

        try (var browser = Browser.open(port)) {
            browser.signIn("court", PASSWORD, null);
            browser.go("/returns/agencies?year=" + year)
                    .select("agency", "Courts")
                    .type("year", Integer.toString(year));
            browser.driver()
                    .findElement(By.id("file"))
                    .sendKeys(bad.toAbsolutePath().toString());
            browser.submit("upload");
            assertThat(browser.textOf(By.id("upload-problems")))
                    .isEqualTo("Line 4: the count \"-3\" is not a whole number of zero or more.");
            browser.screenshot("returns-01-court-upload-refused");

            browser.select("agency", "Courts").type("year", Integer.toString(year));
            browser.driver()
                    .findElement(By.id("file"))
                    .sendKeys(fixed.toAbsolutePath().toString());
            browser.submit("upload");
            browser.waitForText("The figures were sent.");
            assertThat(browser.textOf(By.id("agency-reports")))
                    .contains("Courts")
                    .contains("Persons convicted: 20");
            browser.screenshot("returns-02-court-upload-sent");
        }

        String sent;
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", PASSWORD, null);
            browser.go("/returns/agencies?year=" + year);
            assertThat(browser.textOf(By.id("completeness-eurostat"))).isEqualTo("complete");
            browser.screenshot("returns-03-completeness-complete");

            browser.go("/returns").type("year", Integer.toString(year)).submit("fill");
            assertThat(browser.textOf(By.id("additivity"))).contains("Every breakdown adds up");
            browser.screenshot("returns-04-eurostat-draft");
            browser.submit("send");
            assertThat(browser.textOf(By.id("return-status"))).isEqualTo("awaiting approval");
            sent = browser.path();
            browser.screenshot("returns-05-eurostat-awaiting");
        }
        try (var browser = Browser.phone(port)) {
            browser.signIn("statistician", PASSWORD, null);
            browser.go("/returns/agencies?year=" + year).waitFor(By.id("completeness-eurostat"));
            browser.screenshot("returns-06-completeness-phone");
        }
        try (var browser = Browser.open(port)) {
            browser.signIn("rapporteur", PASSWORD, null);
            browser.go(sent).submit("approve");
            browser.waitForText("The return was published.");
            assertThat(browser.textOf(By.id("return-status"))).isEqualTo("published");
            Object csv = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + " fetch(document.getElementById('download-csv').href).then(r => r.text()).then(done);");
            assertThat(csv.toString())
                    .startsWith("Return,Year,Section,Category,Value,Status")
                    .contains("eurostat," + year + ",registration,TOTAL,150,published")
                    .contains("eurostat," + year + ",citizenship-group,OTHER_EU,60,published");
            browser.screenshot("returns-07-eurostat-published");
        }
        try (var browser = Browser.phone(port)) {
            browser.signIn("rapporteur", PASSWORD, null);
            browser.go(sent).waitFor(By.id("downloads"));
            browser.screenshot("returns-08-eurostat-published-phone");
        }
    }

    /**
     * The courts' approved figures go out with the Eurostat return: the statistician sends the return, the second
     * statistician sees before approving which of the courts' lines disclosure control withholds and why, approves, and
     * the published return shows the courts' section "as reported by the agency" with the 2 girls convicted withheld
     * (desktop and phone).
     */
    @Test
    void theCourtsFiguresArePublishedWithTheReturnWithASmallCountWithheld() {
        // a year of this test's own (the database is this class's own)
        int year = 2023;
        jdbc.sql("delete from statistics.fact where period_year = ?")
                .param(year)
                .update();
        facts(year, 60, "REFERRAL", "FEMININE", false, "ROU", "{SEXUAL_EXPLOITATION}");
        facts(year, 45, "REFERRAL", "MASCULINE", false, "UKR", "{FORCED_LABOUR}");
        var court = TestSignIn.actor(Role.AGENCY_REPORTER, UUID.randomUUID());
        var figures = SignedIn.as(
                court,
                () -> reports.submit(
                        Agency.COURTS,
                        year,
                        new StringReader("measure,sex,age_group,form,count\n" + OfficialReturnsTests.CONVICTIONS),
                        null));
        SignedIn.as(TestSignIn.actor(Role.STATISTICIAN, UUID.randomUUID()), () -> reports.approve(figures.id()));

        String sent;
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", PASSWORD, null);
            browser.go("/returns").type("year", Integer.toString(year)).submit("fill");
            assertThat(browser.textOf(By.id("justice-COURTS"))).contains("version 1");
            browser.submit("send");
            assertThat(browser.textOf(By.id("return-status"))).isEqualTo("awaiting approval");
            sent = browser.path();
        }
        try (var browser = Browser.open(port)) {
            browser.signIn("rapporteur", PASSWORD, null);
            browser.go(sent);
            // the approver sees what will be withheld, and why, before approving
            assertThat(browser.textOf(By.id("published-justice-COURTS-PERSONS_CONVICTED")))
                    .contains("fewer persons than the minimum cell size");
            scrollTo(browser, "published-justice-COURTS-PERSONS_CONVICTED");
            browser.screenshot("returns-12-courts-figures-before-approval");
            browser.submit("approve");
            browser.waitForText("The return was published.");
            assertThat(browser.textOf(By.id("published-justice-COURTS")))
                    .contains("Courts, as reported by the agency, version 1, approved on");
            String table = browser.textOf(By.id("published-justice-COURTS-PERSONS_CONVICTED"));
            assertThat(table).contains("withheld").contains("144");
            assertThat(browser.textOf(By.id("published-justice-COURTS-COURT_DECISIONS")))
                    .contains("9")
                    .contains("3");
            assertThat(browser.textOf(By.id("coverage"))).contains("police had no approved figures for " + year);
            scrollTo(browser, "published-justice-COURTS");
            browser.screenshot("returns-13-courts-figures-published");
            // the release itself: the courts' slices, named by agency, measure and age group
            browser.driver()
                    .findElement(By.cssSelector("a[href^='/statistics/releases/']"))
                    .click();
            browser.waitForText("Agencies' figures by");
            assertThat(browser.text()).contains("Courts, Persons convicted").contains("Agencies' figures by");
            assertThat(browser.text()).doesNotContain("PERSONS_CONVICTED").doesNotContain("COURTS");
            browser.driver().findElements(By.cssSelector("[id^='release-table-categories-']")).stream()
                    .filter(element -> element.getText().contains("Child"))
                    .findFirst()
                    .ifPresent(element -> scrollTo(browser, element.getAttribute("id")));
            browser.screenshot("returns-15-courts-figures-in-the-release");
        }
        try (var browser = Browser.phone(port)) {
            browser.signIn("rapporteur", PASSWORD, null);
            browser.go(sent).waitFor(By.id("published-justice-COURTS-PERSONS_CONVICTED"));
            scrollTo(browser, "published-justice-COURTS");
            browser.screenshot("returns-14-courts-figures-published-phone");
        }
    }

    static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", id);
    }

    @Test
    void theStatisticsOfficeSetsWhenTheCourtsFiguresAreDueAndTheCourtSeesIt() {
        // this year, whose figures are due next year (still "due", not "overdue"); no other test of the class sets
        // due dates
        int year = java.time.Year.now().getValue();
        try (var browser = Browser.phone(port)) {
            browser.signIn("statistician", PASSWORD, null);
            browser.go("/returns/agencies?year=" + year).select("agency", "Courts");
            browser.date("dueOn", java.time.LocalDate.of(year, 6, 30));
            browser.submit("set-deadline");
            assertThat(browser.textOf(By.id("deadline-problem"))).contains("only after the year");
            browser.screenshot("returns-09-deadline-refused-phone");

            browser.select("agency", "Courts");
            browser.date("dueOn", java.time.LocalDate.of(year + 1, 3, 31));
            browser.submit("set-deadline");
            browser.waitForText("The date is set.");
            assertThat(browser.textOf(By.id("deadline-COURTS")))
                    .contains("31 March " + (year + 1))
                    .contains("Due");
            browser.screenshot("returns-10-deadline-set-phone");
        }
        try (var browser = Browser.open(port)) {
            browser.signIn("court", PASSWORD, null);
            browser.go("/returns/agencies?year=" + year);
            assertThat(browser.textOf(By.id("deadline-COURTS"))).contains("31 March " + (year + 1));
            assertThat(browser.textOf(By.id("deadline-POLICE"))).contains("No date set");
            assertThat(browser.driver().findElements(By.id("deadline-form"))).isEmpty();
            browser.screenshot("returns-11-deadline-court");
        }
    }

    /**
     * A court reporter sends the court's figures for a quarter (April to June) with one bad line, reads what is wrong,
     * fixes it and sends them again; the figures sent show the quarter (desktop, then phone, each in a year of its own).
     */
    @Test
    void aCourtReporterSendsTheFiguresOfAQuarter() throws Exception {
        Path bad = Files.createTempFile(files(), "court-quarter", ".csv");
        Files.writeString(bad, """
                measure,sex,age_group,form,count
                COURT_DECISIONS,ALL,ALL,ALL,11
                PERSONS_CONVICTED,MALE,ADULT,SEXUAL_EXPLOITATION,2.5
                """);
        Path fixed = Files.createTempFile(files(), "court-quarter-fixed", ".csv");
        Files.writeString(fixed, Files.readString(bad).replace(",2.5", ",4"));
        for (boolean phone : new boolean[] {false, true}) {
            // years of their own: no other test of the class writes agencies' figures in 2024 and 2025
            int year = phone ? 2025 : 2024;
            String size = phone ? "phone" : "desktop";
            try (var browser = phone ? Browser.phone(port) : Browser.open(port)) {
                browser.signIn("court", PASSWORD, null);
                browser.go("/returns/agencies?year=" + year)
                        .select("agency", "Courts")
                        .type("year", Integer.toString(year))
                        .select("quarter", "April to June");
                browser.driver()
                        .findElement(By.id("file"))
                        .sendKeys(bad.toAbsolutePath().toString());
                browser.submit("upload");
                assertThat(browser.textOf(By.id("upload-problems")))
                        .isEqualTo("Line 3: the count \"2.5\" is not a whole number of zero or more.");
                assertThat(jdbc.sql("select count(*) from monitoring.return_agency_report where period_year = ?")
                                .param(year)
                                .query(Long.class)
                                .single())
                        .isZero();
                scrollTo(browser, "quarter");
                browser.screenshot("returns-quarter-01-refused-" + size);

                browser.select("agency", "Courts")
                        .type("year", Integer.toString(year))
                        .select("quarter", "April to June");
                browser.driver()
                        .findElement(By.id("file"))
                        .sendKeys(fixed.toAbsolutePath().toString());
                browser.submit("upload");
                browser.waitForText("The figures were sent.");
                assertThat(browser.textOf(By.id("agency-reports")))
                        .contains("Courts")
                        .contains("April to June " + year)
                        .contains("Persons convicted: 4");
                assertThat(jdbc.sql("""
                                select period_quarter from monitoring.return_agency_report
                                where period_year = ? and agency = 'COURTS'
                                """).param(year).query(Integer.class).list())
                        .containsExactly(2);
                scrollTo(browser, "agency-reports");
                browser.screenshot("returns-quarter-02-sent-" + size);
            }
        }
    }

    /** The uploaded files, in the build's folder (files in /tmp outlived the tests: their JVM ends without deleteOnExit). */
    private static Path files() throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "test-data", "returns-uploads"));
    }
}
