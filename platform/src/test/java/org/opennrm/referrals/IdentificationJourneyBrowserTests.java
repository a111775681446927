package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The social path, clicked through as the people involved would: a labour inspector screens a worker on
 * a phone and refers her; an NRM case manager finds the referral in the queue; an identification
 * officer records a positive preliminary decision and the recovery period appears; the inspector sees
 * the outcome in "my referrals". Then a child's referral, and an adult who declines. All names are
 * invented.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentificationJourneyBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";
    static final Pattern REFERENCE = Pattern.compile("NRM-\\d{4}-\\d+");

    @LocalServerPort
    int port;

    // authenticator keys set up at first sign-in, kept for later sign-ins in this class
    static String caseManagerKey;
    static String officerKey;

    @Test
    @Order(1)
    void aWorkerScreenedByALabourInspectorIsReferredAndPresumedAVictim() {
        String reference;
        try (var inspector = Browser.phone(port)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector.go("/screening").clickId("checklist-labour-inspection");
            inspector.tick("age-ADULT").tick("form-LABOUR_EXPLOITATION");
            for (WebElement yes : inspector.driver().findElements(By.cssSelector("input[type=radio][value=YES]"))) {
                inspector.tick(yes.getAttribute("id"));
            }
            inspector.screenshot("journey-01-screening-phone").clickId("see-result");
            inspector.waitForText("refer").screenshot("journey-02-result-phone");
            assertThat(inspector.textOf(By.id("suggestion"))).isNotBlank();

            inspector.clickId("refer");
            inspector
                    .type("givenName", "Maria")
                    .type("familyName", "Testova")
                    .date("dateOfBirth", LocalDate.now().minusYears(29))
                    .selectValue("gender", "Feminine")
                    .type(
                            "circumstances",
                            "Met during an inspection of a vegetable farm; passport held by the employer.");
            inspector.check("consentAssistance", "true");
            inspector.screenshot("journey-03-referral-form-phone").clickId("save");
            reference = referenceIn(inspector.textOf(By.id("sent-reference")));
            inspector.screenshot("journey-04-my-referrals-phone");
        }

        String casePath;
        try (var manager = Browser.open(port)) {
            caseManagerKey = manager.signIn("casemanager", PASSWORD, caseManagerKey);
            manager.go("/cases/queue");
            WebElement row = manager.driver().findElement(By.id("queue-" + reference));
            row.findElement(By.tagName("a")).click();
            manager.waitForText(reference).screenshot("journey-05-case-for-case-manager");
            casePath = manager.path();

            // the timeline's form opens on demand: opening "Add an event" fetches it into the page
            assertThat(manager.driver().findElements(By.id("add-event"))).isEmpty();
            manager.click(By.cssSelector("#open-event summary")).waitFor(By.id("add-event"));
            // a date in the future, from a browser that does not check the field's limit: refused by the server,
            // and the form comes back with the message and everything typed in it
            ((org.openqa.selenium.JavascriptExecutor) manager.driver())
                    .executeScript("document.getElementById('occurredOn').removeAttribute('max');");
            manager.selectValue("type", "Recruitment")
                    .date("occurredOn", LocalDate.now().plusDays(3))
                    .selectValue("country", "MDA")
                    .type("description", "Job advert for farm work abroad, shared in a messaging group.")
                    .screenshot("journey-05b-event-form-opened")
                    .clickId("add-event");
            manager.waitFor(By.id("refused")).screenshot("journey-05b2-event-refused-typed-text-kept");
            assertThat(manager.driver().findElement(By.id("description")).getAttribute("value"))
                    .isEqualTo("Job advert for farm work abroad, shared in a messaging group.");
            manager.date("occurredOn", LocalDate.now().minusMonths(5)).clickId("add-event");
            manager.waitFor(By.id("timeline"));
            assertThat(manager.textOf(By.id("timeline")))
                    .contains("Recruitment")
                    .contains("Moldova")
                    .contains("Job advert for farm work abroad");

            // without JavaScript the same form is a page of its own, with the way back to the case
            manager.go(casePath + "/forms/event?version=1").waitFor(By.id("add-event"));
            assertThat(manager.heading()).isEqualTo("Add an event");
            assertThat(manager.textOf(By.id("form-case"))).isEqualTo("Case " + reference);
            manager.screenshot("journey-05c-event-form-as-a-page").clickId("back-to-case");
            manager.waitForText(reference);
            assertThat(manager.path()).isEqualTo(casePath);

            // a consent to share with a shelter is recorded, then withdrawn with the button on its row (each
            // row's button belongs to the page's one withdraw form and names its consent)
            manager.click(By.cssSelector("#open-consent summary")).waitFor(By.id("give-consent"));
            manager.selectValue("purpose", "SHARING");
            new Select(manager.driver().findElement(By.name("organisationId")))
                    .selectByVisibleText("Safe Harbour Shelter");
            manager.clickId("give-consent");
            By sharingRow = By.xpath("//table[@id='consents']//tr[contains(., 'Safe Harbour Shelter')]");
            WebElement withdraw = manager.waitFor(sharingRow)
                    .driver()
                    .findElement(sharingRow)
                    .findElement(By.cssSelector("button[form='withdraw-consent']"));
            ((org.openqa.selenium.JavascriptExecutor) manager.driver())
                    .executeScript(
                            "arguments[0].scrollIntoView()", manager.driver().findElement(By.id("consent")));
            manager.screenshot("journey-05d-sharing-consent-recorded");
            withdraw.click();
            new WebDriverWait(manager.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(withdraw));
            assertThat(manager.textOf(By.cssSelector("div.flash"))).contains("The consent is withdrawn");
            assertThat(manager.driver().findElement(sharingRow).findElements(By.tagName("button")))
                    .isEmpty();
            ((org.openqa.selenium.JavascriptExecutor) manager.driver())
                    .executeScript(
                            "arguments[0].scrollIntoView()", manager.driver().findElement(By.id("consent")));
            manager.screenshot("journey-05e-sharing-consent-withdrawn");
        }

        try (var officer = Browser.open(port)) {
            officerKey = officer.signIn("identification", PASSWORD, officerKey);
            officer.go(casePath).clickId("record-preliminary");
            officer.tick(radioId(officer, "outcome", "PRESUMED_VICTIM"))
                    .date("decidedOn", LocalDate.now())
                    .type("reasons", "Deception about pay and conditions, passport withheld, debt imposed.")
                    .clickId("decide-preliminary");
            String recovery = officer.textOf(By.id("recovery-period"));
            assertThat(recovery)
                    .contains(LocalDate.now().toString())
                    .contains(LocalDate.now().plusDays(30).toString());
            officer.screenshot("journey-06-recovery-period");
        }

        try (var inspector = Browser.phone(port)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector.go("/referrals/mine");
            WebElement row = inspector.driver().findElement(By.id("referral-" + reference));
            assertThat(row.findElement(By.cssSelector(".outcome")).getText()).isEqualTo("Presumed victim");
            assertThat(inspector.text()).doesNotContain("Testova"); // the referrer sees status, not the case file
            inspector.screenshot("journey-07-my-referrals-decided-phone");
        }

        // closing cannot be done by one tap: the box must be ticked, or the browser keeps the form
        try (var manager = Browser.phone(port)) {
            caseManagerKey = manager.signIn("casemanager", PASSWORD, caseManagerKey);
            manager.go(casePath).selectValue("reason", "PERSON_WITHDREW").clickId("close-case");
            assertThat(manager.path()).isEqualTo(casePath);
            assertThat(manager.textOf(By.id("case-status"))).isNotEqualTo("Closed");
            manager.tick("close-confirm").screenshot("journey-07b-close-confirmed-phone");
            manager.clickId("close-case").waitFor(By.cssSelector("div.flash"));
            assertThat(manager.textOf(By.id("case-status"))).isEqualTo("Closed");
            manager.screenshot("journey-07c-closed-phone");
        }
    }

    @Test
    @Order(2)
    void aChildIsReferredWithoutConsentAndAGuardianIsAppointed() {
        String reference;
        try (var inspector = Browser.phone(port)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector
                    .go("/referrals/new")
                    .type("givenName", "Ivan")
                    .type("familyName", "Exampleson")
                    .date("dateOfBirth", LocalDate.now().minusYears(15))
                    .selectValue("gender", "Masculine");
            var guardian = new org.openqa.selenium.support.ui.Select(
                    inspector.driver().findElement(By.name("guardianAccountId")));
            guardian.selectByVisibleText("Demo Guardian");
            inspector
                    .type("circumstances", "Found working nights at a car wash.")
                    .screenshot("journey-08-child-referral-phone")
                    .clickId("save");
            reference = referenceIn(inspector.textOf(By.id("sent-reference")));
        }
        try (var manager = Browser.open(port)) {
            caseManagerKey = manager.signIn("casemanager", PASSWORD, caseManagerKey);
            manager.go("/cases/queue");
            manager.driver()
                    .findElement(By.id("queue-" + reference))
                    .findElement(By.tagName("a"))
                    .click();
            manager.waitForText(reference);
            assertThat(manager.driver().findElements(By.id("case-child"))).isNotEmpty();
            manager.screenshot("journey-09-child-case");

            manager.click(By.cssSelector("#open-best-interests summary")).waitFor(By.id("record-best-interests"));
            manager.type("summary", "Stays with the foster family; school place kept.")
                    .screenshot("journey-09b-best-interests-form-opened")
                    .clickId("record-best-interests");
            manager.waitFor(By.id("best-interests"));
            assertThat(manager.textOf(By.id("best-interests"))).contains("Stays with the foster family");

            // an age assessment dated in the future, from a browser that does not check the field's limit: the
            // form comes back as a page with the message and the outcome still chosen
            manager.click(By.cssSelector("#open-age-assessment summary")).waitFor(By.id("record-age-assessment"));
            ((org.openqa.selenium.JavascriptExecutor) manager.driver())
                    .executeScript("document.getElementById('ageAssessedOn').removeAttribute('max');");
            manager.selectValue("outcome", "ADULT")
                    .date("assessedOn", LocalDate.now().plusDays(2))
                    .clickId("record-age-assessment");
            manager.waitFor(By.id("refused")).screenshot("journey-09c-age-assessment-refused-choice-kept");
            assertThat(new org.openqa.selenium.support.ui.Select(
                                    manager.driver().findElement(By.name("outcome")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("ADULT");
            manager.selectValue("outcome", "CHILD")
                    .date("assessedOn", LocalDate.now())
                    .clickId("record-age-assessment");
            manager.waitFor(By.id("age-assessments"));
            assertThat(manager.textOf(By.id("age-assessments"))).contains("Child");
        }
    }

    @Test
    @Order(3)
    void anAdultWhoDeclinesIsCountedThroughAnAnonymousNotification() {
        try (var inspector = Browser.phone(port)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector.go("/referrals/new").clickId("anonymous-link");
            inspector
                    .selectValue("gender", "Masculine")
                    .selectValue("ageGroup", "AGE_30_38")
                    .selectValue("nationality", firstOptionValue(inspector, "nationality"))
                    .check("exploitationForms", "ForcedLabour")
                    .type("region", "North Region")
                    .screenshot("journey-10-anonymous-phone")
                    .clickId("save");
            inspector.screenshot("journey-11-anonymous-after-save-phone").waitForPath("/referrals/mine");
            assertThat(inspector.text()).contains("No identity was kept");
            inspector.screenshot("journey-12-anonymous-sent-phone");
        }
    }

    private static String radioId(Browser browser, String name, String value) {
        return browser.driver()
                .findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"))
                .getAttribute("id");
    }

    private static String firstOptionValue(Browser browser, String name) {
        return browser.driver().findElements(By.cssSelector("select[name='" + name + "'] option")).stream()
                .map(option -> option.getAttribute("value"))
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElseThrow();
    }

    private static String referenceIn(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        assertThat(matcher.find()).as("an NRM reference in: " + text).isTrue();
        return matcher.group();
    }
}
