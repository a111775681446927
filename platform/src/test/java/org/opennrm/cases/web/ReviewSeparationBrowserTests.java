package org.opennrm.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A negative identification decision is reviewed by someone other than the officer who took it
 * ({@code opennrm.identification.review-separation}, by person unless configured by organisation): the officer who
 * decided is refused on the review form with the reason and nothing is recorded; another officer records the review.
 * At phone and desktop size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewSeparationBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficerWhoDecidedCannotReviewTheirOwnNegativeDecisionOnAPhone() {
        UUID officer = jdbc.sql("select id from access.account where username = 'identification'")
                .query(UUID.class)
                .single();
        var refused = negativeDecisionBy(officer);

        try (var browser = Browser.phone(port)) {
            browser.signIn("identification", PASSWORD, null);
            review(browser, refused);
            assertThat(browser.textOf(By.id("rule-errors")))
                    .contains("reviewed by someone other than the person who took it");
            assertThat(browser.driver().findElement(By.id("reasons")).getAttribute("value"))
                    .isEqualTo("The indicators were weighed again");
            browser.screenshot("review-01-own-decision-refused-phone");
        }
        assertThat(reviewsOf(refused.caseId())).isZero();
    }

    @Test
    void anotherOfficerReviewsTheNegativeDecisionAtADesk() {
        // the decision was taken by another officer of the panel than the one signed in below
        var decided = negativeDecisionBy(UUID.randomUUID());

        try (var browser = Browser.open(port)) {
            browser.signIn("identification", PASSWORD, null);
            review(browser, decided);
            browser.waitFor(By.cssSelector("div.flash"));
            assertThat(browser.textOf(By.cssSelector("div.flash"))).contains("The review is recorded");
            assertThat(browser.text()).contains("Upheld");
            browser.screenshot("review-02-recorded-desktop");
        }
        assertThat(reviewsOf(decided.caseId())).isOne();
    }

    private void review(Browser browser, Decided decided) {
        browser.go("/cases/" + decided.caseId().value()).clickId("review-" + decided.decisionId());
        browser.check("outcome", "UPHELD").type("reasons", "The indicators were weighed again");
        browser.submit("record-review");
    }

    private record Decided(CaseId caseId, UUID decisionId) {}

    private Decided negativeDecisionBy(UUID officerAccount) {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        var panel = organisations
                .findByName("Multi-agency Identification Panel")
                .orElseThrow()
                .id();
        var opened = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)));
        var decision = SignedIn.as(
                TestSignIn.actorOf(officerAccount, Role.IDENTIFICATION_OFFICER, panel),
                () -> cases.decidePreliminary(
                        opened.caseId(),
                        null,
                        new DecisionRequest(
                                DecisionOutcome.NOT_PRESUMED,
                                // today, the referral's day: a decision is never dated before the referral
                                LocalDate.now(),
                                "No indicator of trafficking was found",
                                null)));
        return new Decided(opened.caseId(), decision.id());
    }

    private long reviewsOf(CaseId caseId) {
        return jdbc.sql("select count(*) from cases.review where case_id = :id")
                .param("id", caseId.value())
                .query(Long.class)
                .single();
    }
}
