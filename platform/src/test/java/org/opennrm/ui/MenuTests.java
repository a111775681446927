package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The layout's menu is kept per language and set of authorities: each person still sees only their links. */
@PlatformTest
class MenuTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry organisations;

    UUID organisation;

    @BeforeEach
    void anOrganisation() {
        organisation = organisations.all().getFirst().id();
    }

    String menuOf(Role role, String language) throws Exception {
        String page = mvc.perform(get("/account/tokens").param("lang", language).with(as(role, organisation)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return page.substring(page.indexOf("<nav"), page.indexOf("</nav>"));
    }

    @Test
    void eachRoleSeesItsOwnLinksEvenWhenAnotherRolesMenuIsKept() throws Exception {
        for (int twice = 0; twice < 2; twice++) {
            var caseManager = menuOf(Role.CASE_MANAGER, "en");
            var administrator = menuOf(Role.ADMINISTRATOR, "en");

            assertThat(caseManager).contains("href=\"/cases/queue\"").doesNotContain("href=\"/accounts\"");
            assertThat(administrator).contains("href=\"/accounts\"").doesNotContain("href=\"/cases/queue\"");
            assertThat(caseManager).contains("href=\"/account/tokens\"").contains("href=\"/\"");
        }
    }

    @Test
    void theMenuSpeaksThePagesLanguage() throws Exception {
        var english = menuOf(Role.CASE_MANAGER, "en");
        var french = menuOf(Role.CASE_MANAGER, "fr");

        assertThat(english).contains(">NRM queue<");
        assertThat(french).doesNotContain(">NRM queue<").contains("href=\"/cases/queue\"");
    }
}
