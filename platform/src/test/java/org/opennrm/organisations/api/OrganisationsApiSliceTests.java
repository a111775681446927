package org.opennrm.organisations.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.access.Role;
import org.opennrm.access.WebSliceSecurity;
import org.opennrm.organisations.OrganisationNameTaken;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The organisations API as a web slice: the controller, the platform's API security and its problem answers (RFC
 * 9457) run; the registry is a stand-in. Every refusal here is a problem document and reaches the registry not at
 * all (bad input) or only to be refused by it (a name taken, a version overtaken). The whole stack is exercised by
 * {@code OrganisationsApiTests}.
 */
@WebMvcTest(
        controllers = OrganisationsApi.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = WebSliceSecurity.SLICE_EXCLUDED))
@Import(WebSliceSecurity.class)
@ActiveProfiles("test")
class OrganisationsApiSliceTests {

    static final UUID OFFICE = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrganisationRegistry registry;

    @Test
    void withoutATokenTheAnswerIsA401ProblemAndWithoutThePermissionA403() throws Exception {
        mvc.perform(get("/api/v1/organisations"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/organisations")
                        .with(as(Role.REFERRER, OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Anything\", \"sector\": \"NGO\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(registry);
    }

    @Test
    void invalidFieldsAnswer400WithFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/organisations")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": " ", "contactPoints": [{"name": "", "email": "not an address"}]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("sector")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("contactPoints[0].name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("contactPoints[0].email")))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem("Choose the organisation's sector.")));
        verify(registry, never()).register(any());
    }

    @Test
    void anUnknownSectorOrBrokenJsonAnswers400NotAServerError() throws Exception {
        mvc.perform(post("/api/v1/organisations")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Unknown Sector Org\", \"sector\": \"SPACE_AGENCY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("sector"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("NGO")));
        mvc.perform(get("/api/v1/organisations").param("sector", "SPACE_AGENCY").with(as(Role.COORDINATOR, OFFICE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/organisations")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Cut off"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(registry, never()).register(any());
    }

    @Test
    void aChangeWithoutVersionAnswers400AndAnOvertakenVersion409() throws Exception {
        var id = UUID.randomUUID();
        mvc.perform(put("/api/v1/organisations/{id}", id)
                        .with(as(Role.COORDINATOR, OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Whatever\", \"sector\": \"HEALTH\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("version")));
        verify(registry, never()).change(any(), anyInt(), any());

        when(registry.change(eq(id), eq(0), any())).thenThrow(new OptimisticLockingFailureException("overtaken"));
        mvc.perform(put("/api/v1/organisations/{id}", id)
                        .with(as(Role.COORDINATOR, OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Whatever\", \"sector\": \"HEALTH\", \"version\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTakenNameAnswers400AndAnUnknownOrganisation404() throws Exception {
        when(registry.register(any())).thenThrow(new OrganisationNameTaken("Same Name Org"));
        mvc.perform(post("/api/v1/organisations")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"SAME NAME ORG\", \"sector\": \"NGO\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("already registered")));

        when(registry.find(any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/organisations/{id}", UUID.randomUUID()).with(as(Role.REFERRER, OFFICE)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
