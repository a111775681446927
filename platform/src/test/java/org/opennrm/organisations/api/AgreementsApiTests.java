package org.opennrm.organisations.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.opennrm.organisations.OrganisationFixtures.agreement;
import static org.opennrm.organisations.OrganisationFixtures.asCoordinator;
import static org.opennrm.organisations.OrganisationFixtures.organisation;
import static org.opennrm.organisations.OrganisationFixtures.uniqueName;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class AgreementsApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    PartnershipAgreements agreements;

    UUID office;
    Organisation shelter;
    LocalDate today;

    @BeforeEach
    void parties() {
        office = registry.findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        shelter = registry.register(organisation(uniqueName("Api Shelter"), Sector.NGO, NrmRole.SERVICE_PROVIDER));
        today = agreements.today();
    }

    String registration(String title, LocalDate signedOn, LocalDate nextReviewOn) {
        return """
                {"title": "%s", "scope": "Safe accommodation within 24 hours of a referral.",
                 "parties": [{"organisationId": "%s", "nrmRole": "NATIONAL_COORDINATOR"},
                             {"organisationId": "%s", "nrmRole": "SERVICE_PROVIDER"}],
                 "signedOn": "%s", "nextReviewOn": "%s"}
                """.formatted(title, office, shelter.id(), signedOn, nextReviewOn);
    }

    @Test
    void createReadAndReviewAnAgreement() throws Exception {
        String title = uniqueName("Shelter memorandum");

        String location = mvc.perform(post("/api/v1/agreements")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(title, today.minusYears(2), today.minusDays(3))))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.reviewOverdue").value(true))
                .andExpect(jsonPath("$.parties[1].organisationName").value(shelter.name()))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        mvc.perform(get("/api/v1/agreements/overdue").with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title").value(hasItem(title)));
        mvc.perform(get(location).with(as(Role.SERVICE_PROVIDER, shelter.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.signedOn").value(today.minusYears(2).toString()));

        mvc.perform(put(location)
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(title, today.minusYears(2), today.plusYears(1))
                                .replace("}\n", ", \"version\": 0}\n")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewOverdue").value(false))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/agreements/overdue").with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title").value(not(hasItem(title))));
    }

    @Test
    void aReviewBeforeSigningAnswers400() throws Exception {
        mvc.perform(post("/api/v1/agreements")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(uniqueName("Backwards"), today, today.minusDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot be before")));
    }

    @Test
    void missingPartiesAndFieldsAnswer400WithFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/agreements")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "", "scope": "Outreach",
                                 "parties": [{"organisationId": "%s"}]}
                                """.formatted(office)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("parties")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("parties[0].nrmRole")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("signedOn")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("nextReviewOn")));
    }

    @Test
    void anUnknownRoleAnswers400() throws Exception {
        mvc.perform(post("/api/v1/agreements")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(uniqueName("Odd role"), today, today)
                                .replace("SERVICE_PROVIDER", "BENEFACTOR")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parties[1].nrmRole"));
    }

    @Test
    void aStaleVersionAnswers409() throws Exception {
        String title = uniqueName("Twice reviewed");
        var saved = asCoordinator(() ->
                agreements.register(agreement(title, office, shelter.id(), today.minusYears(1), today.plusYears(1))));
        String change =
                registration(title, today.minusYears(1), today.plusYears(2)).replace("}\n", ", \"version\": 0}\n");
        mvc.perform(put("/api/v1/agreements/{id}", saved.id())
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isOk());

        mvc.perform(put("/api/v1/agreements/{id}", saved.id())
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isConflict());
    }

    @Test
    void anAgreementOfAnotherOrganisationAnswers404ForAReferrer() throws Exception {
        var outsider = registry.register(organisation(uniqueName("Api Outsider"), Sector.POLICE, NrmRole.REFERRER));
        var saved = asCoordinator(() -> agreements.register(
                agreement(uniqueName("Not for outsiders"), office, shelter.id(), today, today.plusYears(1))));

        mvc.perform(get("/api/v1/agreements/{id}", saved.id()).with(as(Role.REFERRER, outsider.id())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/agreements/{id}", UUID.randomUUID()).with(as(Role.REFERRER, outsider.id())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/agreements").with(as(Role.REFERRER, outsider.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(not(hasItem(saved.id().toString()))));
        mvc.perform(get("/api/v1/agreements/{id}", saved.id()).with(as(Role.SERVICE_PROVIDER, shelter.id())))
                .andExpect(status().isOk());
    }

    @Test
    void aReferrerCannotRegisterOrChangeAgreements() throws Exception {
        String title = uniqueName("Referrer agreement");
        mvc.perform(post("/api/v1/agreements")
                        .with(as(Role.REFERRER, shelter.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(title, today, today.plusYears(1))))
                .andExpect(status().isForbidden());

        assertThat(asCoordinator(() -> agreements.partyTo(shelter.id()))).isEmpty();
    }

    @Test
    void withoutATokenTheAgreementsApiAnswers401() throws Exception {
        mvc.perform(get("/api/v1/agreements")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/agreements/overdue")).andExpect(status().isUnauthorized());
    }
}
