package org.opennrm.prevention;

import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A campaign's interrupted time series on its results page and over the API: a monthly series with a planted fall at
 * the campaign's first month is read as a clear fall with the caveats; a series too short before the start is refused
 * with the reason and the text kept; the survey waves and results answer over the API.
 */
@PlatformTest
class CampaignTimeSeriesWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    OrganisationRegistry organisations;

    final UUID unit = UUID.randomUUID();

    @Test
    void aSeriesIsReadAgainstTheCampaignsStartOnThePageAndOverTheApi() throws Exception {
        UUID shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        var campaign = SignedIn.as(
                Role.PREVENTION_OFFICER,
                unit,
                () -> campaigns.register(new CampaignDetails(
                        "Call the line " + UUID.randomUUID().toString().substring(0, 6),
                        shelter,
                        "Seasonal workers",
                        java.util.List.of("North Region"),
                        java.time.LocalDate.of(2022, 1, 10),
                        java.time.LocalDate.of(2022, 6, 30),
                        java.util.List.of(Channel.HOTLINE_PROMOTION),
                        "Call the line.",
                        java.math.BigDecimal.TEN,
                        "EUR")));
        // three years of months before January 2022 and two after, with a fall of 40 calls from January 2022
        var series = InterruptedTimeSeriesTests.simulated(new Random(3), 36, 24, -40, 0.2);
        var csv = new StringBuilder("period,value\n");
        for (int i = 0; i < series.length(); i++) {
            csv.append(series.period(i))
                    .append(',')
                    .append(Math.round(series.value(i)))
                    .append('\n');
        }
        // the simulated series starts in January 2019: its 37th month is January 2022, the campaign's first
        mvc.perform(multipart("/prevention/campaigns/{id}/interrupted-time-series", campaign.id())
                        .param("series", csv.toString())
                        .with(csrf())
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"its-conclusion\"")))
                .andExpect(content().string(containsString("The series fell clearly from 2022-01")))
                .andExpect(content().string(containsString("36 periods before the start, 24 from it on.")))
                .andExpect(content().string(containsString("What this cannot tell")));

        String shortSeries = "period,value\n2021-09,10\n2021-10,12\n2021-11,11\n2021-12,13\n2022-01,9\n2022-02,8\n"
                + "2022-03,9\n2022-04,7\n";
        mvc.perform(multipart("/prevention/campaigns/{id}/interrupted-time-series", campaign.id())
                        .param("series", shortSeries)
                        .with(csrf())
                        .with(as(Role.COORDINATOR, unit)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"its-problem\"")))
                .andExpect(content().string(containsString("4 periods before the campaign")))
                .andExpect(content().string(containsString("2021-09,10")));

        mvc.perform(post("/api/v1/prevention/campaigns/{id}/interrupted-time-series", campaign.id())
                        .contentType("text/csv")
                        .content(csv.toString())
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conclusion").value("CHANGE_DOWN"))
                .andExpect(
                        jsonPath("$.levelChange.high").value(org.hamcrest.Matchers.lessThan(java.math.BigDecimal.ZERO)))
                .andExpect(jsonPath("$.periodsBefore").value(36));
        mvc.perform(post("/api/v1/prevention/campaigns/{id}/interrupted-time-series", campaign.id())
                        .contentType("text/csv")
                        .content(shortSeries)
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // the surveys over the API: a wave with a bad line is refused whole with its line; a good one is imported
        String bad = KapSurveys.survey(5, 6, 10, 0.15)
                .replaceFirst("\\nbefore,campaign,north-urban,", "\nbefore,campaign,east,");
        mvc.perform(post("/api/v1/prevention/campaigns/{id}/surveys", campaign.id())
                        .param("strata", KapSurveys.STRATA)
                        .contentType("text/csv")
                        .content(bad)
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].line").value(2));
        mvc.perform(post("/api/v1/prevention/campaigns/{id}/surveys", campaign.id())
                        .param("strata", KapSurveys.STRATA)
                        .contentType("text/csv")
                        .content(KapSurveys.survey(5, 6, 10, 0.15))
                        .with(as(Role.PREVENTION_OFFICER, unit)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.respondents").isNumber());
        mvc.perform(get("/api/v1/prevention/campaigns/{id}/results", campaign.id())
                        .with(as(Role.COORDINATOR, unit)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measures").isArray());
    }
}
