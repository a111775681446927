package org.opennrm.monitoring.plan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.SignedIn;
import org.opennrm.statistics.publishing.ReturnReleases;
import org.opennrm.statistics.publishing.ReturnReleases.ReleaseTable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The yearly public report end to end: the co-ordinator drafts it on the demo plan, quoting an approved release, and writes its introduction (and may not approve it); the national rapporteur comments beside the draft,
 * then approves and publishes it; an anonymous visitor finds it on the public list, reads it with its chart on a desktop and on a phone,
 * and downloads the PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DatabaseOfItsOwn
class PlanReportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ReturnReleases releases;

    @Autowired
    JdbcClient jdbc;

    /**
     * An approved release to quote (the test installation has no synthetic cases, so no demo release): referrals by
     * quarter and sex (in this class's own database), assembled by one statistician and approved by another.
     */
    private void anApprovedRelease() {
        int year = 2025;
        jdbc.sql("truncate statistics.fact").update();
        for (int i = 0; i < 40; i++) {
            jdbc.sql("""
                            insert into statistics.fact (event_kind, period_year, period_quarter, period_month, sex)
                            values ('REFERRAL', :year, :quarter, :month, :sex)""")
                    .param("year", year)
                    .param("quarter", i % 2 + 1)
                    .param("month", i % 2 * 3 + 1)
                    .param("sex", i % 3 == 0 ? "MALE" : "FEMALE")
                    .update();
        }
        var office = UUID.randomUUID();
        UUID id = SignedIn.as(TestSignIn.actor(Role.STATISTICIAN, office), () -> releases.assemble(
                        "Referrals by quarter and sex " + year,
                        List.of(new ReleaseTable("quarter", "sex", null, year + "-Q1", year + "-Q2")))
                .id());
        SignedIn.as(TestSignIn.actor(Role.STATISTICIAN, office), () -> releases.approve(id));
    }

    @Test
    void theCoordinatorDraftsTheRapporteurApprovesAndPublishesAndTheVisitorReadsIt() throws Exception {
        String title =
                "Report on the action plan " + UUID.randomUUID().toString().substring(0, 6);
        anApprovedRelease();
        String reportPath;
        try (var browser = Browser.open(port)) {
            browser.signIn("coordinator", "demo-password-for-tests", null);
            browser.go("/plans");
            browser.click(By.partialLinkText("National Action Plan against Trafficking"));
            browser.clickId("reports-link");
            browser.type("title", title);
            var offered = new Select(browser.driver().findElement(By.id("releaseId")));
            assertThat(offered.getOptions())
                    .as("the approved release is offered")
                    .hasSizeGreaterThan(1);
            offered.selectByIndex(1);
            browser.submit("draft-report");
            assertThat(browser.textOf(By.id("report-status"))).isEqualTo("Draft");
            reportPath = browser.path();
            browser.type("introduction", "In its second year the plan opened shelters and trained inspectors.")
                    .submit("save-report");
            assertThat(browser.textOf(By.id("report-introduction"))).contains("opened shelters");
            assertThat(browser.driver().findElements(By.id("approve-report"))).isEmpty();
            assertThat(browser.textOf(By.id("approve-hint"))).contains("Someone other than");
            assertThat(browser.textOf(By.id("report-statistics"))).contains("approved by the statistics office");
            browser.screenshot("report-01-draft-desktop");
        }

        try (var rapporteur = Browser.open(port)) {
            rapporteur.signIn("rapporteur", "demo-password-for-tests", null);
            rapporteur.go(reportPath);
            // the rapporteur comments beside the draft (the panel loads with the page)
            rapporteur.waitFor(By.id("comment-form"));
            rapporteur.type("text", "The report should say why the police unit's measure is late.");
            rapporteur.clickId("save-comment");
            rapporteur.waitForText("why the police unit");
            assertThat(rapporteur.textOf(By.id("comments"))).contains("rapporteur, ");
            rapporteur.screenshot("report-02-rapporteur-comment-desktop");
            rapporteur.submit("approve-report");
            assertThat(rapporteur.textOf(By.id("report-status"))).isEqualTo("Approved");
            rapporteur.submit("publish-report");
            assertThat(rapporteur.textOf(By.id("report-status"))).isEqualTo("Published");
            rapporteur.screenshot("report-03-published-desktop");
        }
        try (var coordinator = Browser.open(port)) {
            // the co-ordinator reads the rapporteur's comment beside the report, and has no form to change it
            coordinator.signIn("coordinator", "demo-password-for-tests", null);
            coordinator.go(reportPath).waitFor(By.id("comments"));
            assertThat(coordinator.textOf(By.id("comments"))).contains("why the police unit");
            assertThat(coordinator.driver().findElements(By.id("comment-form"))).isEmpty();
        }

        String reportId = reportPath.substring(reportPath.lastIndexOf('/') + 1);
        try (var visitor = Browser.open(port)) {
            visitor.go("/public/reports");
            visitor.clickLink(title);
            assertThat(visitor.heading()).isEqualTo(title);
            visitor.waitFor(By.id("status-chart"));
            Object drawn = ((JavascriptExecutor) visitor.driver())
                    .executeScript("return window.Chart && window.Chart.getChart("
                            + "document.getElementById('status-chart')) != null");
            assertThat(drawn).isEqualTo(true);
            assertThat(visitor.textOf(By.id("report-statistics"))).contains("approved by the statistics office");
            visitor.screenshot("report-04-public-desktop");
        }
        try (var phone = Browser.phone(port)) {
            phone.go("/public/reports/" + reportId);
            assertThat(phone.heading()).isEqualTo(title);
            Object fits = ((JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            phone.screenshot("report-05-public-phone");
        }

        var pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/public/reports/" + reportId + "/report.pdf"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }
}
