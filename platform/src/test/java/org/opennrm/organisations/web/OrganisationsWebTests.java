package org.opennrm.organisations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.opennrm.organisations.OrganisationFixtures.asCoordinator;
import static org.opennrm.organisations.OrganisationFixtures.organisation;
import static org.opennrm.organisations.OrganisationFixtures.uniqueName;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.organisations.ContactPoint;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.OrganisationStatus;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class OrganisationsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry registry;

    UUID office;

    @BeforeEach
    void coordinatorsOffice() {
        office = registry.findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
    }

    @Test
    void listShowsOrganisationsWithBadgesAndFiltersBySectorRoleAndStatus() throws Exception {
        String name = uniqueName("Riverside Outreach");
        registry.register(organisation(name, Sector.COMMUNITY_OR_RELIGIOUS_ORGANISATION, NrmRole.REFERRER));

        mvc.perform(get("/organisations").with(as(Role.REFERRER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("badge active")))
                .andExpect(content().string(containsString("Community or religious organisation")));
        mvc.perform(get("/organisations")
                        .param("name", name.toUpperCase())
                        .param("sector", "COMMUNITY_OR_RELIGIOUS_ORGANISATION")
                        .param("nrmRole", "REFERRER")
                        .param("status", "ACTIVE")
                        .with(as(Role.REFERRER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString("Safe Harbour Shelter"))));
        mvc.perform(get("/organisations").param("sector", "POLICE").with(as(Role.REFERRER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name))));
    }

    @Test
    void organisationPageShowsContactPointsAndTheManageButtonsOnlyToManagers() throws Exception {
        String name = uniqueName("Hillside Clinic");
        var clinic = registry.register(organisation(name, Sector.HEALTH, NrmRole.SERVICE_PROVIDER));

        mvc.perform(get("/organisations/{id}", clinic.id()).with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("duty@example.org")))
                .andExpect(content().string(containsString("Safe accommodation")))
                .andExpect(content().string(containsString("id=\"suspend\"")));
        mvc.perform(get("/organisations/{id}", clinic.id()).with(as(Role.REFERRER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"suspend\""))));
    }

    @Test
    void registerWithInvalidInputShowsFieldErrorsAndSavesNothing() throws Exception {
        String name = uniqueName("Incomplete Org");

        mvc.perform(post("/organisations/new")
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("name", name)
                        .param("nrmRoles", "REFERRER")
                        .param("contactPoints[0].name", "Duty desk")
                        .param("contactPoints[0].email", "not an address")
                        .param("contactPoints[1].phone", "+000 111"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(
                                "form", "sector", "contactPoints[0].email", "contactPoints[1].name"))
                .andExpect(content().string(containsString("Choose the organisation&#39;s sector.")))
                .andExpect(content().string(containsString("Enter an e-mail address such as name@example.org.")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")));

        assertThat(registry.findByName(name)).isEmpty();
    }

    @Test
    void fieldErrorsAreShownInTheChosenLanguage() throws Exception {
        mvc.perform(post("/organisations/new")
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("lang", "fr")
                        .param("name", "")
                        .param("sector", "NGO"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "name"))
                .andExpect(content().string(containsString("Saisissez le nom de l")));
    }

    @Test
    void registerWithValidInputSavesServicesRegionsAndSeveralContactPoints() throws Exception {
        String name = uniqueName("Harbour Legal Aid");

        mvc.perform(post("/organisations/new")
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("name", "  " + name + " ")
                        .param("sector", "NGO")
                        .param("nrmRoles", "REFERRER", "SERVICE_PROVIDER")
                        .param("servicesOffered", "LEGAL_COUNSELLING", "INTERPRETATION")
                        .param("otherServices", "Court accompaniment\n\nDrop-in hours")
                        .param("regionsServed", "North Region\r\nCapital City")
                        .param("contactPoints[0].name", "Duty lawyer")
                        .param("contactPoints[0].phone", "+000 222 3333")
                        .param("contactPoints[1].name", "Office manager")
                        .param("contactPoints[1].email", "office@example.org")
                        .param("contactPoints[2].name", "")
                        .param("contactPoints[2].email", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/organisations/*"));

        var saved = registry.findByName(name).orElseThrow();
        assertThat(saved.sector()).isEqualTo(Sector.NGO);
        assertThat(saved.nrmRoles()).containsExactlyInAnyOrder(NrmRole.REFERRER, NrmRole.SERVICE_PROVIDER);
        assertThat(saved.servicesOffered())
                .containsExactly("LEGAL_COUNSELLING", "INTERPRETATION", "Court accompaniment", "Drop-in hours");
        assertThat(saved.regionsServed()).containsExactly("North Region", "Capital City");
        assertThat(saved.contactPoints())
                .containsExactly(
                        new ContactPoint("Duty lawyer", null, "+000 222 3333", null),
                        new ContactPoint("Office manager", null, null, "office@example.org"));
    }

    @Test
    void aTakenNameIsRefusedAtTheNameField() throws Exception {
        String name = uniqueName("Twin Name");
        registry.register(organisation(name, Sector.NGO));

        mvc.perform(post("/organisations/new")
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("name", name.toLowerCase())
                        .param("sector", "MEDIA"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "organisation.name.taken"));
    }

    @Test
    void addingAContactPointRowKeepsTheInputAndSavesNothing() throws Exception {
        String name = uniqueName("Growing Org");

        mvc.perform(post("/organisations/new")
                        .with(csrf())
                        .with(as(Role.ADMINISTRATOR, office))
                        .param("name", name)
                        .param("contactPoints[0].name", "First desk")
                        .param("addContactPoint", "true"))
                .andExpect(status().isOk())
                .andExpect(model().hasNoErrors())
                .andExpect(content().string(containsString("value=\"First desk\"")))
                .andExpect(content().string(containsString("name=\"contactPoints[1].name\"")));

        assertThat(registry.findByName(name)).isEmpty();
    }

    @Test
    void concurrentEditShowsTheConflictAndKeepsThePersonsInput() throws Exception {
        String name = uniqueName("Contested Org");
        var contested = registry.register(organisation(name, Sector.NGO, NrmRole.REFERRER));
        int versionRead = contested.version();
        String theirName = uniqueName("Renamed Meanwhile");
        asCoordinator(() -> registry.change(
                contested.id(), versionRead, new OrganisationDetails(theirName, Sector.NGO, null, null, null, null)));
        String myName = uniqueName("My Own Rename");

        mvc.perform(post("/organisations/{id}/edit", contested.id())
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("name", myName)
                        .param("sector", "HEALTH")
                        .param("regionsServed", "South Region")
                        .param("contactPoints[0].name", "New desk")
                        .param("version", Integer.toString(versionRead)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("conflict", true))
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("value=\"" + myName + "\"")))
                .andExpect(content().string(containsString("South Region")))
                .andExpect(content().string(containsString("value=\"New desk\"")))
                .andExpect(content().string(containsString(theirName)))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + (versionRead + 1) + "\"")));

        assertThat(registry.find(contested.id()).orElseThrow().name()).isEqualTo(theirName);
    }

    @Test
    void editFormSavesAChangeOnTheCurrentVersion() throws Exception {
        var org = registry.register(organisation(uniqueName("Editable Org"), Sector.NGO));
        String newName = uniqueName("Edited Org");

        mvc.perform(get("/organisations/{id}/edit", org.id()).with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"save\"")))
                .andExpect(content().string(containsString("value=\"duty@example.org\"")));
        mvc.perform(post("/organisations/{id}/edit", org.id())
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office))
                        .param("name", newName)
                        .param("sector", "EDUCATION")
                        .param("version", Integer.toString(org.version())))
                .andExpect(status().is3xxRedirection());

        var changed = registry.find(org.id()).orElseThrow();
        assertThat(changed.name()).isEqualTo(newName);
        assertThat(changed.sector()).isEqualTo(Sector.EDUCATION);
        assertThat(changed.version()).isEqualTo(org.version() + 1);
    }

    @Test
    void suspendedOrganisationStaysListedAndMarkedAndCanBeReactivated() throws Exception {
        String name = uniqueName("Leaving Org");
        var leaving = registry.register(organisation(name, Sector.NGO));

        mvc.perform(post("/organisations/{id}/suspend", leaving.id())
                        .with(csrf())
                        .with(as(Role.COORDINATOR, office)))
                .andExpect(status().is3xxRedirection());

        assertThat(registry.find(leaving.id()).orElseThrow().status()).isEqualTo(OrganisationStatus.SUSPENDED);
        mvc.perform(get("/organisations").param("status", "SUSPENDED").with(as(Role.REFERRER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("badge suspended")));

        mvc.perform(post("/organisations/{id}/reactivate", leaving.id())
                        .with(csrf())
                        .with(as(Role.ADMINISTRATOR, office)))
                .andExpect(status().is3xxRedirection());
        assertThat(registry.find(leaving.id()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void aReferrerCannotRegisterChangeOrSuspend() throws Exception {
        var org = registry.register(organisation(uniqueName("Protected Org"), Sector.NGO));

        mvc.perform(get("/organisations/new").with(as(Role.REFERRER, office))).andExpect(status().isForbidden());
        mvc.perform(post("/organisations/new")
                        .with(csrf())
                        .with(as(Role.REFERRER, office))
                        .param("name", uniqueName("Sneaky Org"))
                        .param("sector", "NGO"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisations/{id}/suspend", org.id()).with(csrf()).with(as(Role.REFERRER, office)))
                .andExpect(status().isForbidden());

        assertThat(registry.find(org.id()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void unknownOrganisationAnswersNotFound() throws Exception {
        mvc.perform(get("/organisations/{id}", UUID.randomUUID()).with(as(Role.COORDINATOR, office)))
                .andExpect(status().isNotFound());
    }

    @Test
    void pagesAreTranslated() throws Exception {
        mvc.perform(get("/organisations/new").param("lang", "ru").with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Регистрация организации")))
                .andExpect(content().string(containsString("Неправительственная организация")));
        mvc.perform(get("/organisations").param("lang", "fr").with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enregistrer une organisation")));
    }
}
