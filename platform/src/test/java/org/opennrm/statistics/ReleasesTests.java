package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Releases: assembled by one statistician with the disclosure check shown, approved by a second, then kept
 * unchanged; a release whose tables differ from a published one by a small count is refused.
 */
@PlatformTest
class ReleasesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    final UUID organisation = UUID.randomUUID();
    final Actor assembler = TestSignIn.actor(Role.STATISTICIAN, organisation);
    final Actor approver = TestSignIn.actor(Role.STATISTICIAN, organisation);
    String region;

    @BeforeEach
    void region() {
        region = "L-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    void referrals(int count, YearMonth month, String sex, boolean child) {
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, month)
                    .origin(region, "NGO")
                    .person(sex, child ? "9-17" : "30-38", child, "ALB")
                    .exploitationForms(Set.of("LABOUR"))
                    .build());
        }
    }

    String assemble(Actor who, String title, String from, String to, String... tables) throws Exception {
        var request = post("/statistics/releases")
                .with(as(who))
                .with(csrf())
                .param("title", title)
                .param("from", from)
                .param("to", to)
                .param("region", region);
        for (String table : tables) {
            request = request.param("table", table);
        }
        String location = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aSecondStatisticianApprovesAndThePublishedReleaseDownloads() throws Exception {
        referrals(30, YearMonth.of(2025, 1), "FEMALE", false);
        referrals(20, YearMonth.of(2025, 2), "MALE", false);
        referrals(4, YearMonth.of(2025, 2), "FEMALE", true);
        String id = assemble(assembler, "Quarterly report", "2025-Q1", "2025-Q1", "quarter:age-group", "quarter:sex");

        mvc.perform(get("/statistics/releases/" + id).with(as(assembler)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("awaiting approval")))
                .andExpect(content().string(containsString(" suppressed because ")))
                .andExpect(content().string(not(containsString("id=\"approve\""))));
        mvc.perform(post("/statistics/releases/" + id + "/approve")
                        .with(as(assembler))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A second statistician must approve")));
        mvc.perform(post("/statistics/releases/" + id + "/approve")
                        .with(as(assembler))
                        .with(csrf())
                        .header("Accept-Language", "it"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Deve approvare un secondo statistico")));

        mvc.perform(get("/statistics/releases/" + id).with(as(approver)))
                .andExpect(content().string(containsString("id=\"approve\"")));
        mvc.perform(post("/statistics/releases/" + id + "/approve")
                        .with(as(approver))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/statistics/releases/" + id).with(as(Role.COORDINATOR, organisation)))
                .andExpect(content().string(containsString(">published<")));
        mvc.perform(get("/statistics/releases/" + id + "/tables/0")
                        .with(as(Role.COORDINATOR, organisation))
                        .param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("quarter \\ age-group,label,CHILD,ADULT,total")))
                .andExpect(content().string(containsString("label,,Child (0-17),Adult (18 and over),Total")))
                .andExpect(content().string(containsString("2025-Q1,2025-Q1,x,")));
    }

    @Test
    void aReleaseIsKeptUnchangedOnceAssembledAndPublished() throws Exception {
        referrals(30, YearMonth.of(2025, 1), "FEMALE", false);
        String id = assemble(assembler, "Kept as it is", "2025-Q1", "2025-Q1", "quarter:sex");
        mvc.perform(post("/statistics/releases/" + id + "/approve")
                        .with(as(approver))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID release = UUID.fromString(id);

        assertThatThrownBy(() -> jdbc.sql("update statistics.release set title = 'changed' where id = ?")
                        .param(release)
                        .update())
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from statistics.release where id = ?")
                        .param(release)
                        .update())
                .hasMessageContaining("cannot be deleted");
        assertThat(jdbc.sql("select title from statistics.release where id = ?")
                        .param(release)
                        .query(String.class)
                        .single())
                .isEqualTo("Kept as it is");
    }

    @Test
    void aReleaseWhoseDifferenceFromAPublishedOneWouldRevealASmallCountHasMoreWithheld() throws Exception {
        referrals(20, YearMonth.of(2025, 1), "FEMALE", false);
        referrals(20, YearMonth.of(2025, 1), "MALE", false);
        String first = assemble(assembler, "First quarter", "2025-Q1", "2025-Q1", "exploitation-form:sex");
        mvc.perform(post("/statistics/releases/" + first + "/approve")
                        .with(as(approver))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // three more women in the second quarter: first half minus first quarter would show them
        referrals(3, YearMonth.of(2025, 4), "FEMALE", false);

        String half = assemble(assembler, "First half", "2025-Q1", "2025-Q2", "exploitation-form:sex");
        mvc.perform(get("/statistics/releases/" + half).with(as(approver)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Withheld by the joint check, and why")))
                .andExpect(content().string(containsString("a difference no table shows")));
        mvc.perform(post("/statistics/releases/" + half + "/approve")
                        .with(as(approver))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        // a reader holding both releases cannot tell how many women were referred in the second quarter
        var tables = new java.util.ArrayList<TableView>();
        for (String id : List.of(first, half)) {
            tables.addAll(jdbc
                    .sql("select tables from statistics.release where id = ?")
                    .param(UUID.fromString(id))
                    .query(String.class)
                    .list()
                    .stream()
                    .flatMap(text ->
                            json
                                    .readValue(text, new tools.jackson.core.type.TypeReference<List<TableView>>() {})
                                    .stream())
                    .toList());
        }
        var world = new LinearAttack.World(List.of(8100, 8101), List.of(region), true);
        long[] women = LinearAttack.bounds(
                world, tables, java.util.Map.of("quarter", "8101", "region", region, "sex", "FEMALE"));
        assertThat(women[1] - women[0]).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aReleaseWithoutTablesIsRefused() throws Exception {
        mvc.perform(post("/statistics/releases")
                        .with(as(assembler))
                        .with(csrf())
                        .param("title", "Empty"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose at least one table")));
        // in the statistician's language, not marked as English
        mvc.perform(post("/statistics/releases")
                        .with(as(assembler))
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .param("title", "Vide"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("<span>Choisissez au moins un tableau pour la publication.")));
    }

    @Test
    void aRefusedDownloadIsExplainedInTheReadersLanguage() throws Exception {
        // the format is checked before the release is read
        mvc.perform(get("/statistics/releases/" + UUID.randomUUID() + "/tables/0")
                        .with(as(Role.COORDINATOR, organisation))
                        .header("Accept-Language", "fr")
                        .param("format", "pdf"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string("Un tableau se télécharge en csv ou en xlsx."));
        mvc.perform(get("/statistics/releases/" + UUID.randomUUID() + "/tables/0")
                        .with(as(Role.COORDINATOR, organisation))
                        .param("format", "pdf"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string("A table downloads as csv or xlsx."));
    }

    @Test
    void coordinatorsReadReleasesButDoNotAssembleThem() throws Exception {
        mvc.perform(get("/statistics/releases").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk());
        mvc.perform(get("/statistics/releases/new").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isForbidden());
    }
}
