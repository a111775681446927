package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.referrals.ReferralRequest;
import org.opennrm.referrals.Referrals;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each role's home page opens on its own work: a referring organisation sees its referrals awaiting the NRM and
 * refers the next person from there; NRM staff see the day's overdue, due and new cases and go on to the queue; a
 * shelter sees the referrals waiting for its answer; a guardian finds the children's cases without their address.
 * Every figure is checked against the database, at phone size (with the folded menu) and at desktop size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HomePanelsBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    Referrals referrals;

    @Test
    void aReferrerOnAPhoneSeesTheReferralAwaitingTheNrmAndFindsTheMenuBehindOneTap() {
        try (var inspector = Browser.phone(port)) {
            refer(inspector, 29);

            inspector.go("/");
            long awaiting = Long.parseLong(inspector.textOf(By.id("referrer-awaiting")));
            assertThat(awaiting)
                    .isEqualTo(awaitingOf("State Labour Inspectorate"))
                    .isPositive();
            // the menu is folded on a phone: the panel is the first thing on the screen, the menu one tap away
            assertThat(inspector.driver().findElement(By.id("main-menu")).isDisplayed())
                    .isFalse();
            inspector.screenshot("home-01-referrer-phone");
            inspector.click(By.cssSelector("label.menu-button"));
            assertThat(inspector.driver().findElement(By.id("main-menu")).isDisplayed())
                    .isTrue();
            inspector.screenshot("home-02-referrer-menu-open-phone");
            inspector.click(By.cssSelector("label.menu-button")).clickId("panel-referrer-new");
            assertThat(inspector.path()).startsWith("/referrals/new");
        }
    }

    @Test
    void nrmStaffSeeTheDaysCasesAndGoOnToTheQueue() {
        referredByTheInspector(29);
        try (var manager = Browser.open(port)) {
            manager.signIn("casemanager", PASSWORD, null);
            manager.go("/");
            long open = Long.parseLong(manager.textOf(By.id("nrm-open")));
            long recent = Long.parseLong(manager.textOf(By.id("nrm-new")));
            long overdue = Long.parseLong(manager.textOf(By.id("nrm-overdue")));
            assertThat(open)
                    .isEqualTo(jdbc.sql("select count(*) from cases.case_file where status = 'OPEN'")
                            .query(Long.class)
                            .single())
                    .isPositive();
            assertThat(recent)
                    .isEqualTo(jdbc.sql(
                                    "select count(*) from cases.case_file where opened_at >= now() - interval '7 days'")
                            .query(Long.class)
                            .single())
                    .isPositive();
            assertThat(overdue)
                    .isEqualTo(jdbc.sql("select count(*) from cases.case_file where next_due_on < current_date")
                            .query(Long.class)
                            .single());
            manager.screenshot("home-03-case-manager");
            // the new referral was also told as a notification, which leads to the case
            manager.waitFor(By.id("panel-notifications"));
            assertThat(manager.textOf(By.id("panel-notifications"))).contains("A new referral awaits");
            manager.click(By.cssSelector("#panel-notifications li a"));
            manager.waitForPath("/cases/");
            assertThat(manager.heading()).isNotEqualTo("Not found");
            manager.go("/");
            manager.clickId("panel-nrm-queue");
            assertThat(manager.path()).startsWith("/cases/queue");
        }
    }

    @Test
    void aCaseManagerOnAPhoneRecordsAContactWithThePerson() {
        String reference = referredByTheInspector(36);
        try (var manager = Browser.phone(port)) {
            manager.signIn("casemanager", PASSWORD, null);
            manager.go("/cases?q=" + reference).click(By.linkText(reference)).waitForText(reference);
            manager.clickId("notes-link");
            // a contact needs its channel: refused with the reason, the text kept
            manager.tick("kind-CONTACT").type("text", "Called her; she is safe and asks for a female interpreter.");
            manager.clickId("save-note");
            assertThat(manager.textOf(By.id("note-refused"))).contains("how the contact took place");
            assertThat(manager.driver().findElement(By.id("text")).getAttribute("value"))
                    .contains("female interpreter");
            manager.selectValue("channel", "PHONE").clickId("save-note");
            manager.waitFor(By.cssSelector("#notes .note"));
            assertThat(manager.textOf(By.cssSelector("#notes .note"))).contains("Phone call", "female interpreter");
            manager.screenshot("home-09-contact-recorded-phone");
        }
    }

    @Test
    void theCoordinatorErasesAPersonsDataOnlyWithConfirmationAndNeverUnderLegalHold() {
        String reference = referredByTheInspector(52);
        var family = jdbc.sql("select count(*) from cases.case_file where reference = :r")
                .param("r", reference)
                .query(Long.class)
                .single();
        assertThat(family).isOne();
        try (var coordinator = Browser.open(port)) {
            coordinator.signIn("coordinator", PASSWORD, null);
            coordinator
                    .go("/cases?q=" + reference)
                    .click(By.linkText(reference))
                    .waitForText(reference);
            var casePath = coordinator.path();
            assertThat(coordinator.text()).contains("Panelko");

            coordinator.submit("legal-hold-toggle").waitFor(By.id("legal-hold-on"));
            coordinator.tick("erase-confirm").submit("erase").waitFor(By.cssSelector("div.flash"));
            assertThat(coordinator.textOf(By.cssSelector("div.flash"))).contains("legal hold");
            assertThat(coordinator.text()).contains("Panelko");

            coordinator.submit("legal-hold-toggle").waitForGone(By.id("legal-hold-on"));
            coordinator.submit("erase").waitFor(By.cssSelector("div.flash"));
            assertThat(coordinator.textOf(By.cssSelector("div.flash"))).contains("tick the confirmation");
            assertThat(coordinator.text()).contains("Panelko");

            coordinator.tick("erase-confirm").submit("erase").waitFor(By.cssSelector("div.flash"));
            assertThat(coordinator.textOf(By.cssSelector("div.flash"))).contains("erased");
            coordinator.screenshot("home-10-erased");
            coordinator.go(casePath).waitForText(reference);
            assertThat(coordinator.text()).doesNotContain("Panelko").doesNotContain("farm inspection");
        }
    }

    @Test
    void aPersonChoosesToBeToldOfServiceReferralsOnlyOnThePlatform() {
        try (var worker = Browser.phone(port)) {
            worker.signIn("shelter", PASSWORD, null);
            worker.go("/notifications").clickId("notification-preferences");
            var email = worker.driver().findElement(By.id("email-SERVICE_REFERRAL"));
            if (email.isSelected()) {
                email.click();
            }
            worker.clickId("save-preferences").waitFor(By.cssSelector("div.flash"));
            assertThat(worker.driver()
                            .findElement(By.id("email-SERVICE_REFERRAL"))
                            .isSelected())
                    .isFalse();
            assertThat(worker.driver()
                            .findElement(By.id("platform-SERVICE_REFERRAL"))
                            .isSelected())
                    .isTrue();
            worker.screenshot("home-11-notification-choices-phone");
            assertThat(jdbc.sql("""
                                    select by_email from notifications.preference p join access.account a on a.id = p.account_id
                                    where a.username = 'shelter' and p.kind = 'SERVICE_REFERRAL'""").query(Boolean.class).single()).isFalse();
        }
    }

    @Test
    void aStatisticianSeesTheReleasesAwaitingApproval() {
        try (var statistician = Browser.open(port)) {
            statistician.signIn("statistician", PASSWORD, null);
            statistician.go("/");
            long awaiting = jdbc.sql("select count(*) from statistics.release where status = 'AWAITING_APPROVAL'")
                    .query(Long.class)
                    .single();
            long toApprove = Long.parseLong(statistician.textOf(By.id("releases-to-approve")));
            long mine = Long.parseLong(statistician.textOf(By.id("releases-mine")));
            assertThat(toApprove + mine).isEqualTo(awaiting);
            statistician.screenshot("home-08-statistician");
            statistician.clickId("panel-releases-all");
            assertThat(statistician.path()).startsWith("/statistics/releases");
        }
    }

    @Test
    void aShelterOnAPhoneSeesTheReferralsWaitingForItsAnswer() {
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        try (var worker = Browser.phone(port)) {
            worker.signIn("shelter", PASSWORD, null);
            worker.go("/");
            assertThat(Long.parseLong(worker.textOf(By.id("services-to-answer"))))
                    .isEqualTo(jdbc.sql("""
                                    select count(*) from referrals.service_referral
                                    where receiver_organisation_id = :shelter and status = 'SENT'""")
                            .param("shelter", shelter)
                            .query(Long.class)
                            .single());
            // nothing of the NRM's own work: the shelter is not NRM staff
            assertThat(worker.driver().findElements(By.id("panel-nrm"))).isEmpty();
            worker.screenshot("home-04-shelter-phone");
            worker.clickId("panel-services-list");
            assertThat(worker.path()).startsWith("/services/referrals");
        }
    }

    @Test
    void aGuardianFindsTheChildsCaseOnTheHomePageAndOpensIt() {
        String reference;
        try (var inspector = Browser.open(port)) {
            reference = refer(inspector, 15);
        }
        var guardian = jdbc.sql("select id from access.account where username = 'guardian'")
                .query(UUID.class)
                .single();
        var expected =
                jdbc.sql("""
                        select c.reference from cases.case_file c
                        join lateral (select g.guardian_account_id from cases.guardian_appointment g
                            where g.case_id = c.id order by g.appointed_at desc limit 1) latest on true
                        where latest.guardian_account_id = :guardian""").param("guardian", guardian).query(String.class).list();
        try (var browser = Browser.phone(port)) {
            browser.signIn("guardian", PASSWORD, null);
            browser.go("/");
            browser.waitFor(By.id("panel-guardian"));
            var listed = browser.driver().findElements(By.cssSelector("#panel-guardian li a")).stream()
                    .map(link -> link.getText())
                    .toList();
            assertThat(listed).contains(reference).containsExactlyInAnyOrderElementsOf(expected);
            browser.screenshot("home-05-guardian-phone");
            browser.click(By.linkText(reference)).waitForText(reference);
            assertThat(browser.path()).startsWith("/cases/");
            assertThat(browser.heading()).isNotEqualTo("Not found");
        }
    }

    @Test
    void aCaseManagerOnAPhoneFindsAPersonByANameWrittenInAnotherScript() {
        // a family name of its own: sixteen Latin letters that Cyrillic letters romanise to, one for one
        String latin = "abdefklmnoprtuvz";
        String cyrillic = "абдефклмнопртувз";
        var suffix = new StringBuilder();
        var family = new StringBuilder("Kovalenko");
        for (char ch :
                UUID.randomUUID().toString().replace("-", "").substring(0, 6).toCharArray()) {
            family.append(latin.charAt(Character.digit(ch, 16)));
            suffix.append(cyrillic.charAt(Character.digit(ch, 16)));
        }
        String reference;
        try (var inspector = Browser.open(port)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector
                    .go("/referrals/new")
                    .type("givenName", "Oleksandra")
                    .type("familyName", family.toString())
                    .date("dateOfBirth", LocalDate.now().minusYears(41))
                    .selectValue("gender", "Feminine");
            // 250 countries: a few letters find the one, a tap ticks it (no Ctrl or Cmd on a touch screen)
            inspector.driver().findElement(By.id("citizenships-filter")).sendKeys("moldo");
            var visible = inspector.driver().findElements(By.cssSelector("#citizenships + .choices label")).stream()
                    .filter(org.openqa.selenium.WebElement::isDisplayed)
                    .toList();
            assertThat(visible)
                    .hasSize(1)
                    .first()
                    .extracting(org.openqa.selenium.WebElement::getText)
                    .asString()
                    .contains("Moldova");
            visible.getFirst().click();
            assertThat(inspector.textOf(By.cssSelector("#citizenships + .choices .chosen")))
                    .contains("Moldova");
            inspector.screenshot("home-05b-citizenship-chosen");
            inspector.check("consentAssistance", "true").clickId("save");
            var sent = inspector.textOf(By.id("sent-reference"));
            var found = java.util.regex.Pattern.compile("NRM-\\d{4}-\\d+").matcher(sent);
            assertThat(found.find()).isTrue();
            reference = found.group();
        }
        try (var manager = Browser.phone(port)) {
            manager.signIn("casemanager", PASSWORD, null);
            manager.go("/");
            manager.type("q", "Олександра Коваленко" + suffix).screenshot("home-06-search-typed-phone");
            manager.clickId("panel-find");
            manager.waitFor(By.id("case-" + reference));
            assertThat(manager.textOf(By.id("case-" + reference))).contains("Oleksandra", family);
            assertThat(manager.driver().findElements(By.cssSelector("#cases tbody tr")))
                    .hasSize(1);
            manager.screenshot("home-07-search-found-phone");
            manager.click(By.linkText(reference)).waitForText(reference);
            assertThat(manager.path()).startsWith("/cases/");
            assertThat(manager.text()).contains("Moldova");
        }
    }

    /** The labour inspector refers a person of this age (signing in first): a new case awaiting the NRM. */
    private static String refer(Browser inspector, int age) {
        inspector.signIn("inspector", PASSWORD, null);
        inspector
                .go("/referrals/new")
                .type("givenName", "Oksana")
                .type("familyName", "Panelko-" + UUID.randomUUID().toString().substring(0, 4))
                .date("dateOfBirth", LocalDate.now().minusYears(age))
                .selectValue("gender", "Feminine")
                .type("circumstances", "Met during a farm inspection; passport held by the employer.");
        if (age < 18) {
            // a child is referred with a guardian, and without the child's own consent (the children's procedure)
            new org.openqa.selenium.support.ui.Select(inspector.driver().findElement(By.name("guardianAccountId")))
                    .selectByVisibleText("Demo Guardian");
        } else {
            inspector.check("consentAssistance", "true");
        }
        inspector.clickId("save");
        var sent = inspector.textOf(By.id("sent-reference"));
        var reference = java.util.regex.Pattern.compile("NRM-\\d{4}-\\d+").matcher(sent);
        assertThat(reference.find()).as(sent).isTrue();
        return reference.group();
    }

    /**
     * The same referral as {@link #refer} makes, sent by the labour inspector through the platform rather than the
     * form: for the tests about what others do with it. Referring through the form is the referrer's own test above
     * (and the guardian's, for a child), so a browser is not started and signed in for each of these.
     */
    private String referredByTheInspector(int age) {
        var inspector = jdbc.sql("select id from access.account where username = 'inspector'")
                .query(UUID.class)
                .single();
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var request = new ReferralRequest(
                new PersonIdentity(
                        "Oksana",
                        "Panelko-" + UUID.randomUUID().toString().substring(0, 4),
                        null,
                        LocalDate.now().minusYears(age),
                        null,
                        "Feminine",
                        Set.of(),
                        Set.of()),
                false,
                "Met during a farm inspection; passport held by the employer.",
                TraffickingProfile.empty(),
                List.of(
                        new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true),
                        new ConsentStatement(ConsentPurpose.STATISTICS, null, false),
                        new ConsentStatement(ConsentPurpose.POLICE_CONTACT, null, false)),
                List.of(),
                null,
                null);
        return SignedIn.as(TestSignIn.actorOf(inspector, Role.REFERRER, inspectorate), () -> referrals.refer(request))
                .reference();
    }

    private long awaitingOf(String organisationName) {
        var organisation =
                organisations.findByName(organisationName).orElseThrow().id();
        return jdbc.sql("""
                        select count(*) from referrals.referral r
                        join cases.case_file c on c.id = r.case_id
                        where r.referring_organisation_id = :organisation
                          and c.status = 'OPEN' and c.stage <> 'IN_ASSISTANCE'
                          and not exists (select 1 from cases.decision d where d.case_id = c.id)""")
                .param("organisation", organisation)
                .query(Long.class)
                .single();
    }
}
