package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The campaign register: the form with its field messages, the page, the API's problems, the audit trail. */
@PlatformTest
class CampaignsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    final UUID unit = UUID.randomUUID();
    UUID shelter;

    @BeforeEach
    void theShelterRunsCampaignsInTheNorth() {
        shelter = organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
    }

    @Test
    void aPreventionOfficerRegistersACampaignOnTheFormAndReadsIt() throws Exception {
        String name = "Know your rights " + UUID.randomUUID().toString().substring(0, 6);
        var registered = mvc.perform(post("/prevention/campaigns")
                        .param("name", name)
                        .param("organisationId", shelter.toString())
                        .param("audience", "Young job seekers")
                        .param("regions", "north region")
                        .param("startsOn", "2026-03-01")
                        .param("endsOn", "2026-05-31")
                        .param("channels", "RADIO", "SOCIAL_MEDIA")
                        .param("messages", "Know the signs of a false job offer; call the hotline.")
                        .param("cost", "12,500.50")
                        .param("currency", "eur")
                        .with(csrf())
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", startsWith("/prevention/campaigns/")))
                .andReturn();
        String page = registered.getResponse().getHeader("Location");
        UUID id = UUID.fromString(page.substring("/prevention/campaigns/".length(), page.indexOf('?')));

        mvc.perform(get("/prevention/campaigns/{id}", id).with(as(Role.COORDINATOR, unit)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("North Region")))
                .andExpect(content().string(containsString("Social media")))
                .andExpect(content().string(containsString("12,500.50 EUR")));
        mvc.perform(get("/prevention/campaigns").with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("id=\"campaign-new\"")));
        mvc.perform(get("/prevention/campaigns").with(as(Role.COORDINATOR, unit)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"campaign-new\""))));
        assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type = 'campaign'"
                                + " and record_id = :id and action = 'CREATE'")
                        .param("id", id.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSurveyIsImportedOnTheCampaignPageAndTheResultPageSaysWhatCanBeConcluded() throws Exception {
        var campaign = org.opennrm.cases.SignedIn.as(
                Role.PREVENTION_OFFICER,
                unit,
                () -> campaigns.register(new CampaignDetails(
                        "Report it " + UUID.randomUUID().toString().substring(0, 6),
                        shelter,
                        "Seasonal workers",
                        java.util.List.of("North Region"),
                        java.time.LocalDate.of(2026, 1, 1),
                        java.time.LocalDate.of(2026, 2, 28),
                        java.util.List.of(Channel.WORKPLACES),
                        "Your passport is yours.",
                        java.math.BigDecimal.TEN,
                        "EUR")));
        String bad = KapSurveys.survey(5, 6, 10, 0.15)
                .replaceFirst("\\nbefore,campaign,north-urban,", "\nbefore,campaign,east,");
        mvc.perform(multipart("/prevention/campaigns/{id}/surveys", campaign.id())
                        .param("survey", bad)
                        .param("strata", KapSurveys.STRATA)
                        .with(csrf())
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Line 2: the stratum &quot;east&quot; is not one")));
        // the API words the same problem with its line and the file's value in their places
        mvc.perform(post("/api/v1/prevention/campaigns/{id}/surveys", campaign.id())
                        .param("strata", KapSurveys.STRATA)
                        .contentType("text/csv")
                        .content(bad)
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].message", startsWith("Line 2: the stratum \"east\" is not one")))
                .andExpect(jsonPath("$.problems[0].message", not(containsString("{"))));
        mvc.perform(multipart("/prevention/campaigns/{id}/surveys", campaign.id())
                        .param("survey", KapSurveys.survey(5, 6, 10, 0.15))
                        .param("strata", KapSurveys.STRATA)
                        .with(csrf())
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/prevention/campaigns/{id}/results", campaign.id()).with(as(Role.COORDINATOR, unit)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"measure-1\"")))
                .andExpect(content().string(containsString("Knows how to report")))
                .andExpect(content().string(containsString("would have changed alike")));
    }

    @Test
    void aFormWithMistakesComesBackWithEveryFieldsMessageAndWhatWasTyped() throws Exception {
        mvc.perform(post("/prevention/campaigns")
                        .param("name", "Safe travels")
                        .param("organisationId", shelter.toString())
                        .param("audience", "")
                        .param("regions", "Atlantis")
                        .param("startsOn", "2026-05-01")
                        .param("endsOn", "2026-04-01")
                        .param("messages", "Check the agency before you go.")
                        .param("cost", "a lot")
                        .param("currency", "EUR")
                        .with(csrf())
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"form-errors\"")))
                .andExpect(content().string(containsString("id=\"audience-error\"")))
                .andExpect(content().string(containsString("not one the registered organisations serve")))
                .andExpect(content().string(containsString("id=\"endsOn-error\"")))
                .andExpect(content().string(containsString("id=\"channels-error\"")))
                .andExpect(content().string(containsString("id=\"cost-error\"")))
                .andExpect(content().string(not(containsString("id=\"name-error\""))))
                .andExpect(content().string(containsString("value=\"Safe travels\"")))
                .andExpect(content().string(containsString("value=\"a lot\"")));
    }

    @Test
    void theApiRegistersAndAnswersProblemsWithTheirFields() throws Exception {
        String body = """
                {"name":"Seasonal work, safely","organisationId":"%s","audience":"Seasonal farm workers",
                 "regions":["North Region"],"startsOn":"2026-06-01","endsOn":"2026-09-30",
                 "channels":["WORKPLACES","PRINT"],"messages":"Your passport is yours.","cost":4000}
                """.formatted(shelter);
        mvc.perform(post("/api/v1/prevention/campaigns")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(csrf())
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.channels[0]").value("WORKPLACES"));

        mvc.perform(post("/api/v1/prevention/campaigns")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"regions\":[],\"channels\":[],\"cost\":-1,\"currency\":\"XYZ1\"}")
                        .with(csrf())
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:CampaignInvalid"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'regions')].message").value("Choose at least one region."))
                .andExpect(jsonPath("$.errors[?(@.field == 'cost')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'currency')]").exists());

        mvc.perform(post("/api/v1/prevention/campaigns")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(csrf())
                        .with(as(Role.COORDINATOR, unit)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/prevention/campaigns/{id}", UUID.randomUUID()).with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isNotFound());
    }
}
