package org.opennrm.organisations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.blankString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.opennrm.organisations.OrganisationFixtures.agreement;
import static org.opennrm.organisations.OrganisationFixtures.asCoordinator;
import static org.opennrm.organisations.OrganisationFixtures.organisation;
import static org.opennrm.organisations.OrganisationFixtures.uniqueName;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.PartnershipAgreements;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class AgreementsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    PartnershipAgreements agreements;

    UUID office;
    Organisation shelter;

    @BeforeEach
    void parties() {
        office = registry.findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        shelter =
                registry.register(organisation(uniqueName("Agreement Shelter"), Sector.NGO, NrmRole.SERVICE_PROVIDER));
    }

    @Test
    void registerAnAgreementWithTwoParties() throws Exception {
        String title = uniqueName("Memorandum on shelter referrals");

        mvc.perform(post("/agreements/new")
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("title", title)
                        .param("scope", "Safe accommodation within 24 hours of a referral.")
                        .param("parties[0].organisationId", office.toString())
                        .param("parties[0].nrmRole", "NATIONAL_COORDINATOR")
                        .param("parties[1].organisationId", shelter.id().toString())
                        .param("parties[1].nrmRole", "SERVICE_PROVIDER")
                        .param("parties[2].organisationId", "")
                        .param("parties[2].nrmRole", "")
                        .param("signedOn", "2025-02-01")
                        .param("nextReviewOn", "2027-02-01"))
                .andExpect(status().is3xxRedirection());

        var saved = asCoordinator(() -> agreements.partyTo(shelter.id()));
        assertThat(saved).singleElement().satisfies(agreement -> {
            assertThat(agreement.title()).isEqualTo(title);
            assertThat(agreement.signedOn()).isEqualTo(LocalDate.of(2025, 2, 1));
            assertThat(agreement.parties()).hasSize(2);
        });
    }

    @Test
    void invalidAgreementShowsFieldErrorsAndSavesNothing() throws Exception {
        mvc.perform(post("/agreements/new")
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("title", "")
                        .param("scope", "Joint outreach.")
                        .param("parties[0].organisationId", shelter.id().toString())
                        .param("parties[0].nrmRole", "SERVICE_PROVIDER")
                        .param("parties[1].organisationId", shelter.id().toString())
                        .param("parties[1].nrmRole", "")
                        .param("signedOn", "2025-06-01")
                        .param("nextReviewOn", "2025-05-01"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(
                                "form",
                                "title",
                                "parties",
                                "parties[1].organisationId",
                                "parties[1].nrmRole",
                                "nextReviewOn"))
                .andExpect(
                        content().string(containsString("The next review cannot be before the agreement was signed.")))
                .andExpect(content().string(containsString(">Joint outreach.</textarea>")));

        assertThat(asCoordinator(() -> agreements.partyTo(shelter.id()))).isEmpty();
    }

    @Test
    void aSuspendedOrganisationCannotJoinANewAgreement() throws Exception {
        asCoordinator(() -> registry.suspend(shelter.id()));

        mvc.perform(post("/agreements/new")
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("title", uniqueName("Late agreement"))
                        .param("scope", "Outreach.")
                        .param("parties[0].organisationId", office.toString())
                        .param("parties[0].nrmRole", "NATIONAL_COORDINATOR")
                        .param("parties[1].organisationId", shelter.id().toString())
                        .param("parties[1].nrmRole", "SERVICE_PROVIDER")
                        .param("signedOn", "2025-02-01")
                        .param("nextReviewOn", "2026-02-01"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "parties", "agreement.parties.suspended"));
    }

    @Test
    void overdueReviewsAreHighlightedAndListedFirst() throws Exception {
        LocalDate today = agreements.today();
        String later = uniqueName("Review next year");
        String overdue = uniqueName("Review long overdue");
        asCoordinator(() ->
                agreements.register(agreement(later, office, shelter.id(), today.minusYears(1), today.plusYears(1))));
        asCoordinator(() ->
                agreements.register(agreement(overdue, office, shelter.id(), today.minusYears(3), today.minusDays(1))));

        String page = mvc.perform(get("/agreements").with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("badge overdue")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.indexOf(overdue)).isPositive().isLessThan(page.indexOf(later));
    }

    @Test
    void overduePanelListsOverdueAgreementsOfTheReaderAndIsEmptyWhenNone() throws Exception {
        LocalDate today = agreements.today();
        var clinic = registry.register(organisation(uniqueName("Panel Clinic"), Sector.HEALTH));
        var quiet = registry.register(organisation(uniqueName("Quiet Org"), Sector.MEDIA));
        String title = uniqueName("Overdue clinic agreement");
        asCoordinator(() -> agreements.register(
                agreement(title, clinic.id(), shelter.id(), today.minusYears(2), today.minusMonths(1))));

        mvc.perform(get("/agreements/overdue-panel").with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("id=\"overdue-agreements\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/agreements/overdue-panel").with(as(Role.SERVICE_PROVIDER, clinic.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)));
        mvc.perform(get("/agreements/overdue-panel").with(as(Role.SERVICE_PROVIDER, quiet.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(blankString()));
    }

    @Test
    void anAgreementOfAnotherOrganisationIsNotFoundForAReferrer() throws Exception {
        LocalDate today = agreements.today();
        var outsider = registry.register(organisation(uniqueName("Outsider Org"), Sector.POLICE, NrmRole.REFERRER));
        var agreement = asCoordinator(() -> agreements.register(
                agreement(uniqueName("Private agreement"), office, shelter.id(), today, today.plusYears(1))));

        mvc.perform(get("/agreements/{id}", agreement.id()).with(as(Role.REFERRER, outsider.id())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/agreements").with(as(Role.REFERRER, outsider.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(agreement.title()))));
        mvc.perform(get("/agreements/{id}", agreement.id()).with(as(Role.SERVICE_PROVIDER, shelter.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(agreement.title())));
        mvc.perform(get("/organisations/{id}", shelter.id()).with(as(Role.REFERRER, outsider.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(agreement.title()))));
    }

    @Test
    void concurrentEditOfAnAgreementShowsTheConflictAndKeepsTheInput() throws Exception {
        LocalDate today = agreements.today();
        var agreement = asCoordinator(() -> agreements.register(
                agreement(uniqueName("Contested agreement"), office, shelter.id(), today, today.plusYears(1))));
        int versionRead = agreement.version();
        asCoordinator(() -> agreements.change(
                agreement.id(),
                versionRead,
                agreement("Reviewed meanwhile", office, shelter.id(), today, today.plusYears(2))));

        mvc.perform(post("/agreements/{id}/edit", agreement.id())
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("title", "My amended title")
                        .param("scope", "My amended scope.")
                        .param("parties[0].organisationId", office.toString())
                        .param("parties[0].nrmRole", "NATIONAL_COORDINATOR")
                        .param("parties[1].organisationId", shelter.id().toString())
                        .param("parties[1].nrmRole", "REFERRER")
                        .param("signedOn", today.toString())
                        .param("nextReviewOn", today.plusMonths(6).toString())
                        .param("version", Integer.toString(versionRead)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("conflict", true))
                .andExpect(content().string(containsString("value=\"My amended title\"")))
                .andExpect(content().string(containsString("Reviewed meanwhile")))
                .andExpect(content().string(containsString("value=\"" + today.plusMonths(6) + "\"")));

        assertThat(asCoordinator(() -> agreements.find(agreement.id()))
                        .orElseThrow()
                        .title())
                .isEqualTo("Reviewed meanwhile");
    }

    @Test
    void aReferrerCannotOpenTheAgreementForm() throws Exception {
        mvc.perform(get("/agreements/new").with(as(Role.REFERRER, office))).andExpect(status().isForbidden());
    }
}
