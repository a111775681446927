package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.access.Role;
import org.opennrm.assistance.Assistance;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The new facts GRETA asks for, from the page where they are recorded to the return: the case manager records a
 * residence permit (first without saying whether it was applied for: the message stands under the field), applied for
 * and then granted with its expiry date, and an offence under the non-punishment principle on a phone; the
 * statistician sees both counted in the GRETA draft (desktop and phone). Counts are read before and after, so other
 * tests' facts of the year do not matter. Same configuration as {@link ReturnsBrowserTests}: one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GretaFactsBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    Assistance assistance;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    Clock clock;

    record Counts(long permitsApplied, long temporaryGranted, long nonPunishmentDirect, long nonPunishment) {}

    private static long number(Browser browser, String id) {
        return Long.parseLong(browser.textOf(By.id(id)).strip());
    }

    private static Counts counts(Browser browser, int year) {
        browser.go("/returns/draft?template=greta&year=" + year).waitFor(By.id("total-permits-granted"));
        return new Counts(
                number(browser, "total-permits-applied"),
                number(browser, "cell-permits-granted-TEMPORARY_RESIDENCE_PERMIT"),
                number(browser, "cell-non-punishment-DIRECT_RESULT"),
                number(browser, "total-non-punishment"));
    }

    private static void show(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
    }

    private static void setDate(Browser browser, String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }

    @Test
    void aPermitGrantedAndNonPunishmentRecordedOnTheCaseAreCountedInTheGretaDraft() throws Exception {
        UUID inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        UUID office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        UUID shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        CaseId caseId = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)))
                .caseId();
        SignedIn.as(Role.CASE_MANAGER, office, () -> assistance.openPlan(caseId));
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();

        Counts before;
        try (var statistician = Browser.open(port)) {
            statistician.signIn("statistician", PASSWORD, null);
            before = counts(statistician, year);
        }

        String managerKey;
        try (var manager = Browser.open(port)) {
            managerKey = manager.signIn("casemanager", PASSWORD, null);
            manager.go("/assistance/cases/" + caseId.value()).waitFor(By.id("record-service"));
            manager.selectValue("type", "TEMPORARY_RESIDENCE_PERMIT").date("startedOn", today);
            // no result and no expiry date: refused, with the message under the result field
            manager.submit("record-service");
            assertThat(manager.textOf(By.cssSelector("#result ~ .field-error")))
                    .isEqualTo("Say whether the residence permit was applied for, granted or refused.");
            assertThat(manager.driver().findElement(By.id("result")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            show(manager, "result");
            manager.screenshot("greta-facts-01-permit-result-missing");

            manager.selectValue("type", "TEMPORARY_RESIDENCE_PERMIT")
                    .date("startedOn", today)
                    .selectValue("result", "APPLIED")
                    .submit("record-service");
            assertThat(manager.textOf(By.id("flash"))).isEqualTo("The service is recorded.");
            var decision = manager.driver().findElement(By.cssSelector("form.decide select"));
            String serviceId = decision.getAttribute("id").substring("decision-".length());
            assertThat(manager.textOf(By.id("result-" + serviceId))).isEqualTo("Applied for");

            new Select(decision).selectByValue("GRANTED");
            setDate(manager, "decidedOn-" + serviceId, today);
            setDate(manager, "decisionExpires-" + serviceId, today.plusYears(1));
            show(manager, "decision-" + serviceId);
            manager.screenshot("greta-facts-02-permit-decision");
            manager.submit("decide-" + serviceId);
            assertThat(manager.textOf(By.id("flash"))).isEqualTo("The decision is recorded.");
            assertThat(manager.textOf(By.id("result-" + serviceId))).isEqualTo("Granted");
            assertThat(manager.driver().findElements(By.id("decide-" + serviceId)))
                    .isEmpty();
            show(manager, "services-table");
            manager.screenshot("greta-facts-03-permit-granted");
        }

        try (var manager = Browser.phone(port)) {
            manager.signIn("casemanager", PASSWORD, managerKey);
            manager.go("/assistance/cases/" + caseId.value()).waitFor(By.id("record-non-punishment"));
            manager.type("offence", "Use of a forged identity document").tick("directResult");
            show(manager, "non-punishment");
            manager.screenshot("greta-facts-04-non-punishment-phone");
            manager.submit("record-non-punishment");
            assertThat(manager.textOf(By.id("non-punishment-list"))).contains("Use of a forged identity document");
        }

        try (var statistician = Browser.open(port)) {
            statistician.signIn("statistician", PASSWORD, null);
            // facts are counted from the events after the commit: wait for them
            Counts after = counts(statistician, year);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((after.temporaryGranted() < before.temporaryGranted() + 1
                            || after.nonPunishmentDirect() < before.nonPunishmentDirect() + 1)
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
                after = counts(statistician, year);
            }
            assertThat(after.permitsApplied()).isEqualTo(before.permitsApplied() + 1);
            assertThat(after.temporaryGranted()).isEqualTo(before.temporaryGranted() + 1);
            assertThat(after.nonPunishmentDirect()).isEqualTo(before.nonPunishmentDirect() + 1);
            assertThat(after.nonPunishment()).isEqualTo(before.nonPunishment() + 1);
            assertThat(statistician.textOf(By.id("additivity"))).contains("Every breakdown adds up");
            show(statistician, "total-permits-granted");
            statistician.screenshot("greta-facts-05-greta-draft-permits");
            show(statistician, "total-non-punishment");
            statistician.screenshot("greta-facts-06-greta-draft-non-punishment");
        }
        try (var statistician = Browser.phone(port)) {
            statistician.signIn("statistician", PASSWORD, null);
            counts(statistician, year);
            show(statistician, "cell-permits-granted-TEMPORARY_RESIDENCE_PERMIT");
            statistician.screenshot("greta-facts-07-greta-draft-phone");
        }
    }
}
