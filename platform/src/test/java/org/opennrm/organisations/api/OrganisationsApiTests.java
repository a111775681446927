package org.opennrm.organisations.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.opennrm.organisations.OrganisationFixtures.organisation;
import static org.opennrm.organisations.OrganisationFixtures.uniqueName;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class OrganisationsApiTests {

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

    static String registration(String name) {
        return """
                {"name": "%s", "sector": "LABOUR_INSPECTORATE", "nrmRoles": ["REFERRER"],
                 "servicesOffered": ["LABOUR_INSPECTION", "Night shift inspections"],
                 "regionsServed": ["East Region"],
                 "contactPoints": [{"name": "Inspection desk", "phone": "+000 555 0101", "email": "desk@example.org"}]}
                """.formatted(name);
    }

    @Test
    void createReadAndUpdateAnOrganisation() throws Exception {
        String name = uniqueName("Regional Labour Inspectorate");

        String location = mvc.perform(post("/api/v1/organisations")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(name)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(location).contains("/api/v1/organisations/");

        mvc.perform(get(location).with(as(Role.REFERRER, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sector").value("LABOUR_INSPECTORATE"))
                .andExpect(jsonPath("$.servicesOffered[0]").value("LABOUR_INSPECTION"))
                .andExpect(jsonPath("$.servicesOffered[1]").value("Night shift inspections"))
                .andExpect(jsonPath("$.contactPoints[0].email").value("desk@example.org"));

        String renamed = uniqueName("Labour Inspectorate East");
        mvc.perform(put(location)
                        .with(as(Role.ADMINISTRATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "sector": "LABOUR_INSPECTORATE",
                                 "nrmRoles": ["REFERRER", "SERVICE_PROVIDER"], "version": 0}
                                """.formatted(renamed)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(renamed))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.nrmRoles.length()").value(2));

        mvc.perform(get("/api/v1/organisations")
                        .param("name", renamed.toLowerCase())
                        .param("nrmRole", "SERVICE_PROVIDER")
                        .with(as(Role.REFERRER, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value(renamed));
    }

    @Test
    void aTakenNameAnswers400() throws Exception {
        String name = uniqueName("Same Name Org");
        registry.register(organisation(name, Sector.NGO));

        mvc.perform(post("/api/v1/organisations")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(name.toUpperCase())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already registered")));
    }

    @Test
    void aStaleVersionAnswers409AndChangesNothing() throws Exception {
        String name = uniqueName("Versioned Org");
        var org = registry.register(organisation(name, Sector.NGO));
        String change = """
                {"name": "%s", "sector": "HEALTH", "version": 0}
                """;
        mvc.perform(put("/api/v1/organisations/{id}", org.id())
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(uniqueName("First Writer"))))
                .andExpect(status().isOk());

        String secondWriter = uniqueName("Second Writer");
        mvc.perform(put("/api/v1/organisations/{id}", org.id())
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(secondWriter)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(registry.find(org.id()).orElseThrow().name()).isNotEqualTo(secondWriter);
    }

    @Test
    void suspendAndReactivateKeepTheOrganisationVisible() throws Exception {
        var org = registry.register(organisation(uniqueName("Suspended Via Api"), Sector.MEDIA));

        mvc.perform(post("/api/v1/organisations/{id}/suspend", org.id()).with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(post("/api/v1/organisations/{id}/suspend", org.id()).with(as(Role.COORDINATOR, office)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/organisations").param("status", "SUSPENDED").with(as(Role.REFERRER, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(org.id().toString())));
        mvc.perform(post("/api/v1/organisations/{id}/reactivate", org.id()).with(as(Role.ADMINISTRATOR, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void aReferrerCannotRegisterChangeOrSuspend() throws Exception {
        String name = uniqueName("Referrer Made Org");
        var org = registry.register(organisation(uniqueName("Referrer Target"), Sector.NGO, NrmRole.REFERRER));

        mvc.perform(post("/api/v1/organisations")
                        .with(as(Role.REFERRER, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(name)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organisations/{id}/suspend", org.id()).with(as(Role.REFERRER, office)))
                .andExpect(status().isForbidden());

        assertThat(registry.findByName(name)).isEmpty();
        assertThat(registry.find(org.id()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/v1/organisations")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/organisations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(uniqueName("Anonymous Org"))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownOrganisationAnswers404() throws Exception {
        mvc.perform(get("/api/v1/organisations/{id}", UUID.randomUUID()).with(as(Role.REFERRER, office)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(not(org.hamcrest.Matchers.emptyString())));
    }

    @Test
    void theEndpointsAreDescribedInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/organisations/{id}'].put.summary")
                        .value("Change an organisation"))
                .andExpect(jsonPath("$.paths['/api/v1/organisations/{id}/suspend'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/agreements/overdue'].get").exists())
                .andExpect(jsonPath("$.tags[*].name").value(hasItem("Agreements")));
    }
}
