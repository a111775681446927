package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a phone, a case manager works in German - the menu, the case list with dates as German writes them - and reads
 * with a person who speaks Arabic what they consent to and their rights, then asks the feedback questions: in Arabic,
 * right to left, chosen from the language recorded for the person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LanguagesBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Test
    void aCaseManagerWorksInGermanOnAPhone() {
        referArabicSpeaker();
        try (var manager = Browser.phone(port)) {
            manager.signIn("casemanager", PASSWORD, null);
            manager.go("/?lang=de");
            assertThat(manager.driver().findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("de");
            assertThat(manager.textOf(By.cssSelector("label.menu-button"))).isEqualTo("Menü");
            manager.screenshot("languages-01-home-de-phone");
            manager.click(By.cssSelector("label.menu-button"));
            assertThat(manager.text()).contains("Abmelden");
            manager.screenshot("languages-02-menu-de-phone");

            // the choice is remembered: the case list is in German, its dates written as German writes them
            manager.go("/cases");
            assertThat(manager.heading()).isEqualTo("Fälle");
            var today = LocalDate.now(java.time.ZoneOffset.UTC);
            assertThat(manager.textOf(By.tagName("table")))
                    .containsAnyOf(german(today), german(today.minusDays(1)))
                    .doesNotContain(today.toString());
            manager.screenshot("languages-03-cases-de-phone");
        }
    }

    @Test
    void aPersonWhoSpeaksArabicReadsTheirRightsAndAnswersRightToLeft() {
        var caseId = referArabicSpeaker();
        try (var manager = Browser.phone(port)) {
            manager.signIn("casemanager", PASSWORD, null);
            manager.go("/cases/" + caseId.value() + "?lang=en").clickId("person-texts-link");
            var texts = manager.driver().findElement(By.id("person-texts"));
            assertThat(texts.getAttribute("lang")).isEqualTo("ar");
            assertThat(texts.getAttribute("dir")).isEqualTo("rtl");
            assertThat(texts.getCssValue("direction")).isEqualTo("rtl");
            assertThat(manager.textOf(By.id("from-record"))).contains("recorded for the person");
            assertThat(manager.textOf(By.id("review-status"))).contains("machine-drafted");
            // right to left: the first line of each right starts at the right-hand edge of the text
            var right = manager.driver().findElement(By.cssSelector("#rights li"));
            var article = texts.getRect();
            assertThat(right.getRect().getX() + right.getRect().getWidth())
                    .isGreaterThan(article.getX() + article.getWidth() - 60);
            manager.screenshot("languages-04-rights-ar-phone");
            ((org.openqa.selenium.JavascriptExecutor) manager.driver())
                    .executeScript("document.getElementById('rights').scrollIntoView()");
            manager.screenshot("languages-05-rights-ar-phone-scrolled");

            manager.go("/assistance/cases/" + caseId.value() + "/closure");
            var feedback = manager.driver().findElement(By.id("feedback"));
            assertThat(feedback.getAttribute("lang")).isEqualTo("ar");
            assertThat(feedback.getCssValue("direction")).isEqualTo("rtl");
            assertThat(feedback.getText()).contains("هل شعرت بالأمان");
            ((org.openqa.selenium.JavascriptExecutor) manager.driver())
                    .executeScript("document.getElementById('feedback').scrollIntoView()");
            manager.screenshot("languages-06-feedback-ar-phone");
        }
    }

    private CaseId referArabicSpeaker() {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var person = new PersonIdentity("Amal", "Example", null, null, 30, "Feminine", Set.of("SYR"), Set.of("ara"));
        var referral = new OpenCase(
                person,
                false,
                "Met at a farm inspection.",
                CaseFixtures.labourProfile(),
                List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true)),
                List.of(),
                null,
                null);
        return SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(referral))
                .caseId();
    }

    private static String german(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(day);
    }
}
