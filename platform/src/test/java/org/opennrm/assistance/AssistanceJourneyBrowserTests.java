package org.opennrm.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Help after identification, clicked through: a presumed victim referred with consent to share with the
 * shelter; the NRM case manager refers her to the shelter and opens an assistance plan; the shelter
 * accepts and records the services it gives; the case manager closes the case with a durable solution
 * and the person's own feedback. All names are invented.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AssistanceJourneyBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";
    static final Pattern REFERENCE = Pattern.compile("NRM-\\d{4}-\\d+");

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry organisations;

    @Test
    void aShelterAcceptsARecordsServicesAndTheCaseClosesWithADurableSolution() {
        String shelter = organisations
                .findByName("Safe Harbour Shelter")
                .orElseThrow()
                .id()
                .toString();
        String reference;
        try (var inspector = Browser.phone(port)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector
                    .go("/referrals/new")
                    .type("givenName", "Elena")
                    .type("familyName", "Sampleova")
                    .date("dateOfBirth", LocalDate.now().minusYears(34))
                    .selectValue("gender", "Feminine")
                    .type("circumstances", "Domestic worker whose documents were kept by the employer.");
            inspector.check("consentAssistance", "true").check("sharingOrganisations", shelter);
            inspector.clickId("save");
            reference = referenceIn(inspector.textOf(By.id("sent-reference")));
        }

        String caseManagerKey;
        String casePath;
        try (var manager = Browser.open(port)) {
            caseManagerKey = manager.signIn("casemanager", PASSWORD, null);
            manager.go("/cases/queue");
            manager.driver()
                    .findElement(By.id("queue-" + reference))
                    .findElement(By.tagName("a"))
                    .click();
            manager.waitForText(reference);
            casePath = manager.path();

            manager.clickId("service-referrals-link");
            manager.selectValue("receiverId", shelter)
                    .type("purpose", "Safe accommodation and psychological support.")
                    .tick("scope-HEALTH_NEEDS")
                    .type("healthNeeds", "No urgent needs; asks for a female doctor.")
                    .screenshot("assistance-01-service-referral")
                    .clickId("send-service-referral");
            // the answer to the post, sent or refused, before anything else: leaving at once could cancel the post
            manager.textOf(By.cssSelector("#flash, #refused"));
            assertThat(manager.driver().findElements(By.id("refused")))
                    .as(() -> "refused: " + manager.text())
                    .isEmpty();

            manager.go(casePath).clickId("assistance-link").clickId("open-plan");
            manager.screenshot("assistance-02-plan-open");
        }

        try (var worker = Browser.phone(port)) {
            worker.signIn("shelter", PASSWORD, null);
            worker.go("/services/referrals").clickId("open-" + reference);
            worker.screenshot("assistance-03-incoming-referral-phone").clickId("accept-referral");
            worker.clickId("record-services-link");
            worker.selectValue("type", "EMERGENCY_ACCOMMODATION")
                    .date("startedOn", LocalDate.now())
                    .type("outcome", "Room in the shelter; safety plan agreed.")
                    .clickId("record-service")
                    .waitFor(By.className("service-row"));
            assertThat(worker.driver().findElements(By.className("service-row")))
                    .isNotEmpty();
            worker.screenshot("assistance-04-service-recorded-phone");
            // the shelter works from what was shared with it: the NRM's case file stays closed to it
            worker.go(casePath);
            assertThat(worker.heading()).isEqualTo("Not found");
        }

        try (var manager = Browser.open(port)) {
            manager.signIn("casemanager", PASSWORD, caseManagerKey);
            manager.go(casePath).clickId("closure-link");
            manager.tick("solution-INTEGRATION_IN_COUNTRY")
                    .type("reason", "Stable work and housing found; she wishes to stay.")
                    .selectValue("feltSafe", "YES")
                    .selectValue("feltRespected", "YES")
                    .selectValue("understoodRights", "PARTLY")
                    .selectValue("needsMet", "YES")
                    .selectValue("wouldRecommend", "YES")
                    .screenshot("assistance-05-closure")
                    .clickId("close-case")
                    // the closure page comes back with its message once the case is closed
                    .waitFor(By.cssSelector("div.flash"));
            manager.go(casePath);
            assertThat(manager.textOf(By.id("case-status"))).isEqualTo("Closed");
            manager.screenshot("assistance-06-closed-case");
        }
    }

    private static String referenceIn(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        assertThat(matcher.find()).as("an NRM reference in: " + text).isTrue();
        return matcher.group();
    }
}
