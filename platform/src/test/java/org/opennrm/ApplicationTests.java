package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opennrm.access.AccountManagement;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class ApplicationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Test
    void firstStartSeedsOrganisationsAcrossSectorsAndOneAccountPerRole() {
        assertThat(organisations.all()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(organisations.all().stream().map(o -> o.sector()).distinct()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(accounts.all().stream().flatMap(a -> a.roles().stream()).distinct())
                .containsExactlyInAnyOrder(org.opennrm.access.Role.values());
    }

    @Test
    void healthIsUpWithoutSigningIn() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void pagesRedirectToSignInAndTheApiAnswersWithAProblem() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/organisations"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void stylesAndScriptsAreServedWithoutSigningIn() throws Exception {
        mvc.perform(get("/assets/css/opennrm.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/js/opennrm.js")).andExpect(status().isOk());
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/assets/css/opennrm.css").contains("/webjars/htmx.org/");
        String htmx = page.replaceAll("(?s).*src=\"(/webjars/htmx.org/[^\"]+)\".*", "$1");
        mvc.perform(get(htmx)).andExpect(status().isOk());
    }

    @Test
    void openApiDescriptionIsPublished() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists());
    }
}
