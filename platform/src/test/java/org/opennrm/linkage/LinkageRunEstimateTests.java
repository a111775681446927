package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** "Estimate the hidden number" on a completed linkage run: the run's overlap table goes into the estimation. */
@PlatformTest
class LinkageRunEstimateTests {

    static final String SECRET = "the estimate test's shared secret, synthetic";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    final UUID organisation = UUID.randomUUID();
    final RequestPostProcessor statistician = as(Role.STATISTICIAN, organisation);

    /** A run over the first {@code lists} synthetic lists, completed unless {@code run} is false. */
    UUID run(int lists, boolean run) throws Exception {
        String location = mvc.perform(post("/linkage/runs")
                        .with(statistician)
                        .with(csrf())
                        .param("name", "Estimate " + UUID.randomUUID())
                        .param("threshold", "0.8")
                        .param("mergeWithinLists", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        for (var list : SyntheticLists.encoded(SECRET).subList(0, lists)) {
            mvc.perform(multipart("/linkage/runs/{id}/lists", id)
                            .file(new MockMultipartFile(
                                    "clk", list.label() + ".clk", "application/octet-stream", list.clk()))
                            .file(new MockMultipartFile("ids", list.label() + ".ids", "text/plain", list.ids()))
                            .with(statistician)
                            .with(csrf())
                            .param("label", list.label()))
                    .andExpect(status().is3xxRedirection());
        }
        if (run) {
            mvc.perform(post("/linkage/runs/{id}/run", id).with(statistician).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        return id;
    }

    JsonNode fromCsv(String csv) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/estimates/mse")
                        .with(statistician)
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void theRunPageOffersTheEstimateOnceTheRunHasItsOverlapTable() throws Exception {
        UUID draft = run(3, false);
        mvc.perform(get("/linkage/runs/{id}", draft).with(statistician))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"estimate-run\""))));

        UUID completed = run(3, true);
        mvc.perform(get("/linkage/runs/{id}", completed).with(statistician))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"estimate-run\"")))
                .andExpect(content().string(containsString("/statistics/estimates/linkage-runs/" + completed)))
                .andExpect(content().string(containsString("Estimate the hidden number")));
    }

    @Test
    void theEstimatePageShowsTheModelsOfTheRunsOverlapTableAsIfItHadBeenUploaded() throws Exception {
        UUID completed = run(3, true);
        JsonNode uploaded = fromCsv(SyntheticLists.EXPECTED_CSV);
        long total = uploaded.get("mainEffects").get("total").asLong();
        long lower = uploaded.get("mainEffects").get("totalLower").asLong();
        assertThat(total).isGreaterThan(22);

        mvc.perform(post("/statistics/estimates/linkage-runs/{id}", completed)
                        .with(as(Role.COORDINATOR, organisation))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"estimate-source\"")))
                .andExpect(content().string(containsString("From the overlap table of the linkage run:")))
                .andExpect(content().string(containsString("id=\"sensitivity\"")))
                .andExpect(content().string(containsString("main effects + Police:NGO")))
                .andExpect(content().string(containsString("<dd>22</dd>")))
                .andExpect(content().string(containsString("<td>" + String.format("%,d", total) + "</td>")))
                .andExpect(content().string(containsString(String.format("%,d", lower) + " to ")));

        assertThat(jdbc.sql("select detail from access.audit_entry where record_type = 'linkage-run'"
                                + " and record_id = :id and action = 'READ' order by id")
                        .param("id", completed.toString())
                        .query(String.class)
                        .list())
                .containsExactly("hidden number estimated lists=3");
    }

    @Test
    void theApiGivesTheSameEstimateAsTheUploadedTable() throws Exception {
        UUID completed = run(3, true);
        JsonNode uploaded = fromCsv(SyntheticLists.EXPECTED_CSV);
        JsonNode fromRun = json.readTree(mvc.perform(post("/api/v1/estimates/mse/linkage-runs/{id}", completed)
                        .with(statistician))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lists.length()").value(3))
                .andExpect(jsonPath("$.observed").value(22))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(json.convertValue(fromRun.get("lists"), List.class))
                .isEqualTo(List.of("Police", "NGO", "Inspectorate"));
        assertThat(fromRun.get("models")).isEqualTo(uploaded.get("models"));
    }

    @Test
    void aRunOverTwoListsOrNotYetRunGetsAClearMessage() throws Exception {
        UUID twoLists = run(2, true);
        mvc.perform(post("/statistics/estimates/linkage-runs/{id}", twoLists)
                        .with(statistician)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("At least three lists are needed; the table has 2.")))
                .andExpect(content().string(not(containsString("id=\"sensitivity\""))));
        mvc.perform(post("/api/v1/estimates/mse/linkage-runs/{id}", twoLists).with(statistician))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("At least three lists are needed; the table has 2."));

        UUID draft = run(3, false);
        mvc.perform(post("/api/v1/estimates/mse/linkage-runs/{id}", draft).with(statistician))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("no overlap table yet")));
        mvc.perform(post("/api/v1/estimates/mse/linkage-runs/{id}", UUID.randomUUID())
                        .with(statistician))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyThoseWhoReadStatisticsAndRunLinkageMayEstimateFromARun() throws Exception {
        UUID completed = run(3, true);
        for (Role role : List.of(Role.REFERRER, Role.CASE_MANAGER, Role.ADMINISTRATOR)) {
            mvc.perform(post("/api/v1/estimates/mse/linkage-runs/{id}", completed)
                            .with(as(role, organisation)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/statistics/estimates/linkage-runs/{id}", completed)
                            .with(as(role, organisation))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anEstimateFromARunStatesTheLinkageThresholdItRestsOn() throws Exception {
        UUID completed = run(3, true);

        mvc.perform(post("/statistics/estimates/linkage-runs/{id}", completed)
                        .with(statistician)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("rests on the linkage threshold 0.80")));

        mvc.perform(get("/linkage/runs/{id}", completed).with(statistician))
                .andExpect(content().string(containsString("/statistics/estimates/jobs/linkage-runs/" + completed)));
        mvc.perform(post("/api/v1/estimates/jobs/linkage-runs/{id}", completed).with(statistician))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.source").value("LINKAGE_RUN"))
                .andExpect(jsonPath("$.linkageRunId").value(completed.toString()))
                .andExpect(jsonPath("$.linkageThreshold").value(0.8));
        String location = mvc.perform(post("/statistics/estimates/jobs/linkage-runs/{id}", completed)
                        .with(statistician)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).with(statistician))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"job-linkage\"")))
                .andExpect(content().string(containsString("at the linkage threshold 0.80")));

        UUID draft = run(3, false);
        mvc.perform(post("/api/v1/estimates/jobs/linkage-runs/{id}", draft).with(statistician))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("run it first")));
    }
}
