package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The linkage runs API: the same flow as the pages, for scripts, with problem details for bad uploads. */
@PlatformTest
class LinkageRunsApiTests {

    static final String SECRET = "another synthetic shared secret";

    @Autowired
    MockMvc mvc;

    @Autowired
    StoredRuns stored;

    final RequestPostProcessor coordinator = as(Role.COORDINATOR, UUID.randomUUID());

    UUID createRun(String body) throws Exception {
        String json = mvc.perform(post("/api/v1/linkage/runs")
                        .with(coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(json, "$.id"));
    }

    ResultActions upload(UUID run, String label, byte[] clk, byte[] ids) throws Exception {
        return mvc.perform(multipart("/api/v1/linkage/runs/{id}/lists", run)
                .file(new MockMultipartFile("clk", "list.clk", "application/octet-stream", clk))
                .file(new MockMultipartFile("ids", "list.ids", "text/plain", ids))
                .param("label", label)
                .with(coordinator));
    }

    @Test
    void aScriptCreatesARunUploadsThreeListsRunsItAndFetchesTheOverlapTable() throws Exception {
        UUID run = createRun("{\"name\":\"API run " + UUID.randomUUID() + "\"}");
        var lists = SyntheticLists.encoded(SECRET);
        for (var list : lists) {
            upload(run, list.label(), list.clk(), list.ids())
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.label").value(list.label()))
                    .andExpect(jsonPath("$.records").value(list.records()));
        }

        String result = mvc.perform(post("/api/v1/linkage/runs/{id}/run", run).with(coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.threshold").value(0.8))
                .andExpect(jsonPath("$.mergeWithinLists").value(true))
                .andExpect(jsonPath("$.persons").value(22))
                .andExpect(jsonPath("$.lists[0].persons").value(14))
                .andExpect(jsonPath("$.overlap.lists[2]").value("Inspectorate"))
                .andExpect(jsonPath("$.overlap.rows[6].on[0]").value(true))
                .andExpect(jsonPath("$.overlap.rows[6].count").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String csv = mvc.perform(get("/api/v1/linkage/runs/{id}/overlap", run).with(coordinator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo(SyntheticLists.EXPECTED_CSV);
        for (var list : lists) {
            for (String id : SyntheticLists.recordIds(list)) {
                assertThat(result).doesNotContain(id);
            }
        }
        assertThat(stored.listsHoldingEncodings(run)).isZero();

        // the table goes as it is into multiple systems estimation (statistics module)
        mvc.perform(post("/api/v1/estimates/mse")
                        .with(coordinator)
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lists[0]").value("Police"))
                .andExpect(jsonPath("$.observed").value(22));
    }

    @Test
    void aBadUploadIsAProblemWithTheReasonAndStoresNothing() throws Exception {
        UUID run = createRun("{\"name\":\"API bad upload " + UUID.randomUUID() + "\",\"threshold\":0.9}");
        var police = SyntheticLists.encoded(SECRET).getFirst();

        upload(run, "Police", Arrays.copyOf(police.clk(), 1000), police.ids())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("1000 bytes, which is not a multiple of 128")));
        upload(run, "Police", police.clk(), "only-one-id\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("holds 15 encodings but the .ids file holds 1 ids")));

        mvc.perform(get("/api/v1/linkage/runs/{id}", run).with(coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.threshold").value(0.9))
                .andExpect(jsonPath("$.lists").isEmpty());
        mvc.perform(get("/api/v1/linkage/runs/{id}/overlap", run).with(coordinator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("run it first")));
    }

    @Test
    void listsWithFieldEncodingsAreLinkedFieldByFieldAndTheAnswerSaysHowWell() throws Exception {
        UUID run = createRun(
                "{\"name\":\"API field run " + UUID.randomUUID() + "\",\"threshold\":0.5,\"mergeWithinLists\":false}");
        var lists = SyntheticLists.realistic(400, 3, SECRET);
        for (var list : java.util.List.of(lists.a(), lists.b())) {
            mvc.perform(multipart("/api/v1/linkage/runs/{id}/lists", run)
                            .file(new MockMultipartFile("clk", "list.clk", "application/octet-stream", list.clk()))
                            .file(new MockMultipartFile("ids", "list.ids", "text/plain", list.ids()))
                            .file(new MockMultipartFile(
                                    "fields", "list.fields", "application/octet-stream", list.fields()))
                            .param("label", list.label())
                            .with(coordinator))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.fields").value(true));
        }
        mvc.perform(post("/api/v1/linkage/runs/{id}/run", run).with(coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("FIELD"))
                .andExpect(jsonPath("$.quality[0].listA").value(0))
                .andExpect(jsonPath("$.quality[0].listB").value(1))
                .andExpect(jsonPath("$.quality[0].expectedPrecision").isNumber())
                .andExpect(jsonPath("$.quality[0].expectedRecall").isNumber());

        // a .fields file that belongs to another list is a problem, and nothing is stored
        UUID other = createRun("{\"name\":\"API bad fields " + UUID.randomUUID() + "\"}");
        var police = SyntheticLists.encoded(SECRET).getFirst();
        mvc.perform(multipart("/api/v1/linkage/runs/{id}/lists", other)
                        .file(new MockMultipartFile("clk", "list.clk", "application/octet-stream", police.clk()))
                        .file(new MockMultipartFile("ids", "list.ids", "text/plain", police.ids()))
                        .file(new MockMultipartFile(
                                "fields",
                                "list.fields",
                                "application/octet-stream",
                                lists.a().fields()))
                        .param("label", "Police")
                        .with(coordinator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("The .fields file cannot be used")))
                .andExpect(jsonPath("$.detail", containsString("records need")));
        mvc.perform(get("/api/v1/linkage/runs/{id}", other).with(coordinator))
                .andExpect(jsonPath("$.lists").isEmpty());
    }

    @Test
    void aListIsRemovedFromADraftAndAnUnknownRunIsNotFound() throws Exception {
        UUID run = createRun("{\"name\":\"API remove " + UUID.randomUUID() + "\",\"mergeWithinLists\":false}");
        var police = SyntheticLists.encoded(SECRET).getFirst();
        String json = upload(run, "Police", police.clk(), police.ids())
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();

        mvc.perform(delete("/api/v1/linkage/runs/{id}/lists/{listId}", run, JsonPath.read(json, "$.id"))
                        .with(coordinator))
                .andExpect(status().isNoContent());
        assertThat(stored.find(run, false).orElseThrow().lists()).isEmpty();
        mvc.perform(get("/api/v1/linkage/runs/{id}", UUID.randomUUID()).with(coordinator))
                .andExpect(status().isNotFound());
    }

    @Test
    void casesStaffAndReferrersAreRefusedLinkageRuns() throws Exception {
        for (Role role : new Role[] {Role.CASE_MANAGER, Role.REFERRER, Role.IDENTIFICATION_OFFICER}) {
            mvc.perform(get("/api/v1/linkage/runs").with(as(role, UUID.randomUUID())))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/linkage/runs")
                            .with(as(role, UUID.randomUUID()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"not allowed\"}"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theLinkageRunEndpointsAreDescribedInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/linkage/runs'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/linkage/runs/{id}/lists'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/linkage/runs/{id}/run'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/linkage/runs/{id}/overlap'].get")
                        .exists());
    }
}
