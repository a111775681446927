package org.opennrm.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.OpenedCase;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A case manager narrows the case list, on a phone and at a desk: two persons of one family name referred by two
 * organisations are told apart by the "referred by" filter combined with the name, and one is found by the date of
 * birth written day first; the filters stay set on the page of results.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseListFiltersBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Test
    void filtersAndADateOfBirthFindTheCaseOnAPhone() {
        findWithFilters(Browser.phone(port), "phone");
    }

    @Test
    void filtersAndADateOfBirthFindTheCaseAtADesk() {
        findWithFilters(Browser.open(port), "desktop");
    }

    private void findWithFilters(Browser browser, String size) {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        // a family name of its own (letters only), so that no other test's person matches
        var family = "Filtrenko"
                + new java.util.Random()
                        .ints(4, 0, 26)
                        .mapToObj(letter -> String.valueOf((char) ('a' + letter)))
                        .collect(java.util.stream.Collectors.joining());
        var bornOn = LocalDate.of(1987, 4, 9);
        var byInspectorate = refer("Oksana", family, bornOn, inspectorate);
        var byShelter = refer("Olha", family, bornOn.plusYears(1), shelter);

        try (browser) {
            browser.signIn("casemanager", PASSWORD, null);
            browser.go("/cases").type("q", family);
            browser.click(By.cssSelector("#filters summary"));
            browser.select("organisation", "Safe Harbour Shelter").selectValue("status", "OPEN");
            browser.submit("search").waitFor(By.id("cases"));
            assertThat(references(browser)).containsExactly(byShelter.reference());
            assertThat(browser.driver().findElement(By.id("filters")).getAttribute("open"))
                    .as("the filters in use stay open and set")
                    .isNotNull();
            browser.screenshot("case-list-01-filtered-" + size);

            browser.go("/cases").type("q", "09.04.1987 " + family);
            browser.submit("search").waitFor(By.id("cases"));
            assertThat(references(browser)).containsExactly(byInspectorate.reference());
            assertThat(browser.text()).contains("Oksana " + family);
            browser.screenshot("case-list-02-date-of-birth-" + size);

            browser.go("/cases").type("q", "31.02.1987");
            browser.submit("search").waitFor(By.id("q-error"));
            assertThat(browser.textOf(By.id("q-error"))).contains("not a date of the calendar");
        }
    }

    private static List<String> references(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#cases tbody tr td:first-child a")).stream()
                .map(link -> link.getText().strip())
                .toList();
    }

    private OpenedCase refer(String given, String family, LocalDate bornOn, UUID referrer) {
        var request = new OpenCase(
                new PersonIdentity(given, family, null, bornOn, null, "Feminine", Set.of("UKR"), Set.of("ukr")),
                false,
                "Synthetic test case.",
                CaseFixtures.labourProfile(),
                List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true)),
                List.of(),
                null,
                null);
        return SignedIn.as(Role.REFERRER, referrer, () -> cases.open(request));
    }
}
