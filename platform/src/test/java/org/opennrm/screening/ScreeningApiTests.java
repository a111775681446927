package org.opennrm.screening;

import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The screening API over the whole application: a screening stored, read back and confined to its organisation, the
 * service's refusal of an unknown checklist or question, and the endpoints in the OpenAPI document. How each answer and
 * refusal looks, and who is refused, is {@code ScreeningApiSliceTests}'.
 */
@PlatformTest
class ScreeningApiTests {

    @Autowired
    MockMvc mvc;

    final UUID organisation = UUID.randomUUID();

    ResultActions screen(String body, UUID organisationId) throws Exception {
        return mvc.perform(post("/api/v1/screenings")
                .with(as(Role.REFERRER, organisationId))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    static final String CHILD_WORKER = """
            {"checklist":"labour-inspection","ageGroup":"CHILD","forms":["LABOUR_EXPLOITATION"],
             "answers":{"LI01":"YES","LI02":"YES","LI05":"YES","LI06":"YES","LI10":"NO"}}""";

    @Test
    void aScreeningIsCreatedAndReadBackWithItsSuggestionAndReasons() throws Exception {
        String location = screen(CHILD_WORKER, organisation)
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/screenings/")))
                // the answer's full shape is ScreeningApiSliceTests'; here the installation's own rule and catalogue
                .andExpect(jsonPath("$.suggestion").value("REFER_AS_PRESUMED_VICTIM"))
                .andExpect(jsonPath("$.catalogueVersion").value("ilo-ec-2009/r1"))
                .andExpect(jsonPath("$.ruleVerification").value("UNVERIFIED"))
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.LOCATION);
        String id = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(get("/api/v1/screenings/{id}", id).with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.answers.LI10").value("NO"))
                .andExpect(jsonPath("$.forms[0]").value("LABOUR_EXPLOITATION"))
                .andExpect(jsonPath("$.elements[3].element").value("EXPLOITATION"))
                .andExpect(jsonPath("$.elements[3].matchedBy.strong").value(1));
        mvc.perform(get("/api/v1/screenings/{id}", id).with(as(Role.REFERRER, UUID.randomUUID())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void anUnknownChecklistOrQuestionIsABadRequest() throws Exception {
        screen("""
                        {"checklist":"astrology","answers":{"LI01":"YES"}}""", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("no checklist")));
        screen("""
                        {"checklist":"health","answers":{"LI01":"YES"}}""", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("has no question \"LI01\"")));
    }

    @Test
    void theScreeningEndpointsAreDescribedInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/screenings'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/screenings/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/screening/checklists/{id}'].get")
                        .exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/screening/catalogues'].get").exists());
    }
}
