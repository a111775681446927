package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.SignedIn;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistician fills the GRETA return for a year of synthetic facts: presumed victims by citizenship and where
 * they were exploited, the services GRETA asks about, and the court's approved figures beside the draft as the court
 * reported them, marked as not published (desktop and phone). Same configuration as {@link ReturnsBrowserTests}, so
 * the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DatabaseOfItsOwn
class GretaReturnBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    AgencyReports reports;

    @Autowired
    JdbcClient jdbc;

    void referrals(int year, int count, String sex, String citizenship, String forms, String countries) {
        for (int i = 0; i < count; i++) {
            int month = 1 + i % 12;
            jdbc.sql("""
                            insert into statistics.fact (event_kind, period_year, period_quarter, period_month, sex,
                                child, citizenship, exploitation_forms, exploitation_countries, referring_sector)
                            values ('REFERRAL', ?, ?, ?, ?, false, ?, cast(? as varchar(40)[]),
                                cast(? as char(3)[]), 'NGO')
                            """)
                    .params(year, (month + 2) / 3, month, sex, citizenship, forms, countries)
                    .update();
        }
    }

    void services(int year, int count, String type) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                            insert into statistics.fact (event_kind, period_year, period_quarter, period_month,
                                service_type)
                            values ('SERVICE_DELIVERED', ?, 2, 4, ?)
                            """).params(year, type).update();
        }
    }

    private static void showJustice(Browser browser) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('justice-COURTS').scrollIntoView()");
    }

    @Test
    void theGretaDraftCountsTheFactsAndShowsTheCourtsApprovedFiguresAsReported() {
        // the database is this class's own
        int year = 2025;
        jdbc.sql("delete from statistics.fact where period_year = ?")
                .param(year)
                .update();
        referrals(year, 30, "FEMININE", "MDA", "{SEXUAL_EXPLOITATION}", "{MDA}");
        referrals(year, 12, "MASCULINE", "MDA", "{FORCED_LABOUR}", "{RUS}");
        referrals(year, 8, "FEMININE", "UKR", "{SEXUAL_EXPLOITATION}", "{MDA,ITA}");
        services(year, 6, "TEMPORARY_RESIDENCE_PERMIT");
        services(year, 3, "SAFE_VOLUNTARY_RETURN");
        services(year, 40, "MEDICAL_CARE");
        var court = TestSignIn.actor(Role.AGENCY_REPORTER, UUID.randomUUID());
        var sent = SignedIn.as(court, () -> reports.submit(Agency.COURTS, year, new StringReader("""
                                measure,sex,age_group,form,count
                                COURT_DECISIONS,ALL,ALL,ALL,9
                                PERSONS_CONVICTED,MALE,ADULT,SEXUAL_EXPLOITATION,5
                                PERSONS_CONVICTED,FEMALE,ADULT,SEXUAL_EXPLOITATION,2
                                CUSTODIAL_SENTENCES,MALE,ADULT,ALL,4
                                """), null));
        SignedIn.as(TestSignIn.actor(Role.STATISTICIAN, UUID.randomUUID()), () -> reports.approve(sent.id()));

        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", PASSWORD, null);
            browser.go("/returns")
                    .select("template", "GRETA questionnaire (Council of Europe)")
                    .type("year", Integer.toString(year))
                    .submit("fill");
            assertThat(browser.heading()).contains("GRETA questionnaire");
            assertThat(browser.textOf(By.id("additivity"))).contains("Every breakdown adds up");
            // sections in the template's order: sex, age group, citizenship, form, where exploited, identified,
            // services
            assertThat(browser.textOf(By.id("section-2")))
                    .contains("Citizens of the reporting country 42")
                    .contains("Citizens of another country 8");
            assertThat(browser.textOf(By.id("section-4")))
                    .contains("In the country 30")
                    .contains("Overseas 12")
                    .contains("In the country and overseas 8");
            assertThat(browser.textOf(By.id("section-6")))
                    .contains("Temporary residence permit 6")
                    .contains("Safe voluntary return 3")
                    .doesNotContain("40");
            assertThat(browser.textOf(By.id("justice-COURTS")))
                    .startsWith("Courts, as reported by the agency, version " + sent.version() + ", approved on ");
            assertThat(browser.textOf(By.id("justice-table-COURTS")))
                    .contains("Persons convicted Male Adult (18 and over) Sexual exploitation 5")
                    .contains("Custodial sentences Male Adult (18 and over) All 4");
            assertThat(browser.textOf(By.id("justice-intro"))).contains("They are sent with the return");
            // the GRETA return is published like the others: a release of national tables, approved by a second
            // statistician
            assertThat(browser.driver().findElements(By.id("not-publishable"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("send-form"))).hasSize(1);
            assertThat(browser.text()).contains("Police: no approved figures for this year.");
            browser.screenshot("greta-01-draft");
            showJustice(browser);
            browser.screenshot("greta-02-draft-court-figures");
        }
        try (var browser = Browser.phone(port)) {
            browser.signIn("statistician", PASSWORD, null);
            browser.go("/returns/draft?template=greta&year=" + year).waitFor(By.id("justice-table-COURTS"));
            assertThat(browser.textOf(By.id("justice-COURTS"))).contains("version " + sent.version());
            showJustice(browser);
            browser.screenshot("greta-03-draft-court-figures-phone");
        }
    }
}
