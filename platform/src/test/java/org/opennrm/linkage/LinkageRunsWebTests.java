package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

/** The linkage run pages: create a run, upload agencies' lists, run it, read and download the overlap table. */
@PlatformTest
class LinkageRunsWebTests {

    static final String SECRET = "the run's shared secret, synthetic";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoredRuns stored;

    final UUID organisation = UUID.randomUUID();
    final RequestPostProcessor statistician = as(Role.STATISTICIAN, organisation);

    UUID createRun(String name) throws Exception {
        String location = mvc.perform(post("/linkage/runs")
                        .with(statistician)
                        .with(csrf())
                        .param("name", name)
                        .param("threshold", "0.8")
                        .param("mergeWithinLists", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    org.springframework.test.web.servlet.ResultActions upload(UUID run, String label, byte[] clk, byte[] ids)
            throws Exception {
        var request =
                multipart("/linkage/runs/{id}/lists", run).with(statistician).with(csrf());
        if (clk != null) {
            request.file(new MockMultipartFile("clk", label + ".clk", "application/octet-stream", clk));
        }
        if (ids != null) {
            request.file(new MockMultipartFile("ids", label + ".ids", "text/plain", ids));
        }
        return mvc.perform(request.param("label", label));
    }

    long storedLists(UUID run) {
        return jdbc.sql("select count(*) from linkage.run_list where run_id = :run")
                .param("run", run)
                .query(Long.class)
                .single();
    }

    List<String> audit(UUID run) {
        return jdbc.sql("select action from access.audit_entry where record_type = 'linkage-run' and record_id = :id"
                        + " order by id")
                .param("id", run.toString())
                .query(String.class)
                .list();
    }

    @Test
    void aRunOverThreeUploadedListsShowsAndDownloadsTheKnownOverlapTableAndNoRecordId() throws Exception {
        UUID run = createRun("Three agencies " + UUID.randomUUID());
        var lists = SyntheticLists.encoded(SECRET);
        for (var list : lists) {
            upload(run, list.label(), list.clk(), list.ids()).andExpect(status().is3xxRedirection());
        }
        assertThat(stored.listsHoldingEncodings(run)).isEqualTo(3);

        mvc.perform(post("/linkage/runs/{id}/run", run).with(statistician).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/linkage/runs/{id}", run).with(statistician))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("22 persons are on at least one list")))
                .andExpect(content().string(containsString("Inspectorate")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String csv = mvc.perform(get("/linkage/runs/{id}/overlap.csv", run).with(statistician))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo(SyntheticLists.EXPECTED_CSV);
        for (var list : lists) {
            for (String id : SyntheticLists.recordIds(list)) {
                assertThat(page).doesNotContain(id);
                assertThat(csv).doesNotContain(id);
            }
        }
        var completed = stored.find(run, false).orElseThrow();
        assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(completed.lists().stream().map(RunList::persons).toList())
                .containsExactly(
                        Arrays.stream(SyntheticLists.PERSONS_PER_LIST).boxed().toArray(Integer[]::new));
        assertThat(stored.listsHoldingEncodings(run)).isZero();
        assertThat(audit(run)).containsExactly("CREATE", "UPDATE", "UPDATE", "UPDATE", "UPDATE", "EXPORT");
    }

    @Test
    void uploadsWithBadFilesAreRefusedWithClearMessagesAndStoreNothing() throws Exception {
        UUID run = createRun("Bad files " + UUID.randomUUID());
        var police = SyntheticLists.encoded(SECRET).getFirst();
        byte[] truncated = Arrays.copyOf(police.clk(), police.clk().length - 5);
        byte[] oneIdShort = Arrays.copyOf(police.ids(), police.ids().length - "police-r14\n".length());
        byte[] emptyLine = "a\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] repeated = "a\nb\na\n".getBytes(StandardCharsets.UTF_8);
        byte[] threeRecords = Arrays.copyOf(police.clk(), 3 * 128);

        upload(run, "Police", truncated, police.ids())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a multiple of 128")));
        upload(run, "Police", police.clk(), oneIdShort)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("holds 15 encodings but the .ids file holds 14 ids")));
        upload(run, "Police", null, police.ids())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose the list&#39;s .clk file")));
        upload(run, "Police", police.clk(), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose the list&#39;s .ids file")));
        upload(run, "Police", Arrays.copyOf(police.clk(), 2 * 128), emptyLine)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Line 2 of the .ids file is empty")));
        upload(run, "Police", threeRecords, repeated)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Line 3 of the .ids file repeats an earlier id")));
        upload(run, "Police", police.clk(), police.clk())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("not UTF-8 text")));
        upload(run, "=cmd()", police.clk(), police.ids())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give the list a label")));

        assertThat(storedLists(run)).isZero();
        assertThat(audit(run)).containsExactly("CREATE");
    }

    @Test
    void aRunNeedsTwoListsAndRunsOnlyOnce() throws Exception {
        UUID run = createRun("Once " + UUID.randomUUID());
        var lists = SyntheticLists.encoded(SECRET);
        upload(run, "Police", lists.get(0).clk(), lists.get(0).ids()).andExpect(status().is3xxRedirection());

        mvc.perform(post("/linkage/runs/{id}/run", run).with(statistician).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Upload at least two lists")));
        upload(run, "Police", lists.get(1).clk(), lists.get(1).ids())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("already has a list with this label")));
        upload(run, "NGO", lists.get(1).clk(), lists.get(1).ids()).andExpect(status().is3xxRedirection());
        mvc.perform(post("/linkage/runs/{id}/run", run).with(statistician).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/linkage/runs/{id}/run", run).with(statistician).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("no longer a draft")));
        upload(run, "Inspectorate", lists.get(2).clk(), lists.get(2).ids())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("no longer a draft")));
        assertThat(storedLists(run)).isEqualTo(2);
    }

    @Test
    void aListCanBeRemovedAndADraftDiscardedWhichDeletesItsEncodings() throws Exception {
        UUID run = createRun("Discarded " + UUID.randomUUID());
        var lists = SyntheticLists.encoded(SECRET);
        upload(run, "Police", lists.get(0).clk(), lists.get(0).ids()).andExpect(status().is3xxRedirection());
        upload(run, "NGO", lists.get(1).clk(), lists.get(1).ids()).andExpect(status().is3xxRedirection());
        UUID police = stored.find(run, false).orElseThrow().lists().getFirst().id();

        mvc.perform(post("/linkage/runs/{id}/lists/{listId}/remove", run, police)
                        .with(statistician)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        var afterRemoval = stored.find(run, false).orElseThrow();
        assertThat(afterRemoval.lists()).extracting(RunList::label).containsExactly("NGO");
        assertThat(afterRemoval.lists()).extracting(RunList::position).containsExactly(0);

        mvc.perform(post("/linkage/runs/{id}/discard", run).with(statistician).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/linkage/runs/{id}", run).with(statistician))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This draft was discarded")));
        assertThat(stored.find(run, false).orElseThrow().status()).isEqualTo(RunStatus.DISCARDED);
        assertThat(stored.listsHoldingEncodings(run)).isZero();
    }

    @Test
    void theRunsPageListsRunsAndRefusesABadThresholdOnTheForm() throws Exception {
        String name = "Listed " + UUID.randomUUID();
        createRun(name);

        mvc.perform(get("/linkage/runs").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("href=\"/linkage/runs\"")));
        mvc.perform(post("/linkage/runs")
                        .with(statistician)
                        .with(csrf())
                        .param("name", "Too loose")
                        .param("threshold", "0.3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The threshold is a number from 0.5 to 1")));
    }

    @Test
    void onlyCoOrdinatorsAndStatisticiansReachLinkageRuns() throws Exception {
        UUID run = createRun("Need to know " + UUID.randomUUID());
        for (Role role : List.of(Role.CASE_MANAGER, Role.REFERRER, Role.ADMINISTRATOR, Role.SERVICE_PROVIDER)) {
            mvc.perform(get("/linkage/runs/{id}", run).with(as(role, organisation)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/linkage/runs/{id}/overlap.csv", run).with(as(role, organisation)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/linkage/runs/{id}", run).with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk());
    }
}
