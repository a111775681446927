package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator of a new installation signs in (setting up the second factor), registers a partner
 * organisation and a partnership agreement, and finds both listed; the co-ordinator sees an overdue
 * review on the home page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FoundationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry organisations;

    @Test
    void anAdministratorRegistersAnOrganisationAndAnAgreementAndSeesThemListed() {
        String name =
                "Northern Outreach Collective " + UUID.randomUUID().toString().substring(0, 6);
        String title = "Referral protocol " + UUID.randomUUID().toString().substring(0, 6);
        try (var browser = Browser.open(port)) {
            browser.signIn("admin", "demo-password-for-tests", null);
            assertThat(browser.heading()).isEqualTo("Home");
            browser.screenshot("foundation-01-home");

            browser.go("/organisations/new")
                    .type("name", name)
                    .selectValue("sector", "NGO")
                    .check("nrmRoles", "REFERRER")
                    .check("nrmRoles", "SERVICE_PROVIDER")
                    .type("regionsServed", "North Region")
                    .type("contactPoints[0].name", "Duty desk")
                    .type("contactPoints[0].email", "duty@example.org")
                    .screenshot("foundation-02-organisation-form")
                    .clickId("save");
            browser.waitForText(name).screenshot("foundation-03-organisation");

            browser.go("/organisations");
            assertThat(browser.text()).contains(name);
            browser.screenshot("foundation-04-organisations");

            String newOrganisation =
                    organisations.findByName(name).orElseThrow().id().toString();
            String shelter = organisations
                    .findByName("Safe Harbour Shelter")
                    .orElseThrow()
                    .id()
                    .toString();
            browser.go("/agreements/new")
                    .type("title", title)
                    .type("scope", "Referral of presumed victims met during outreach to the shelter.")
                    .date("signedOn", LocalDate.now().minusYears(2))
                    .date("nextReviewOn", LocalDate.now().minusMonths(1))
                    .selectValue("parties[0].organisationId", newOrganisation)
                    .selectValue("parties[0].nrmRole", "REFERRER")
                    .selectValue("parties[1].organisationId", shelter)
                    .selectValue("parties[1].nrmRole", "SERVICE_PROVIDER")
                    .screenshot("foundation-05-agreement-form")
                    .clickId("save");
            browser.waitForText(title).screenshot("foundation-06-agreement");

            browser.go("/agreements");
            assertThat(browser.text()).contains(title);
            browser.screenshot("foundation-07-agreements");
            browser.click(By.cssSelector("form[action='/logout'] button"));
        }
        try (var phone = Browser.phone(port)) {
            phone.signIn("coordinator", "demo-password-for-tests", null);
            phone.waitForText(title).screenshot("foundation-08-coordinator-home-phone");
        }
    }
}
