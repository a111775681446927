package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Releases over the API: assembled by one statistician, approved by a second, downloaded; every step in the audit
 * trail; refusals as problem details with nothing stored. Each test counts facts in a region of its own.
 */
@PlatformTest
class ReleasesApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    final UUID organisation = UUID.randomUUID();
    final Actor assembler = TestSignIn.actor(Role.STATISTICIAN, organisation);
    final Actor approver = TestSignIn.actor(Role.STATISTICIAN, organisation);
    String region;

    @BeforeEach
    void region() {
        region = "A-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    void referrals(int count, YearMonth month, String sex) {
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, month)
                    .origin(region, "NGO")
                    .person(sex, "30-38", false, "ALB")
                    .exploitationForms(Set.of())
                    .build());
        }
    }

    String body(String title, String from, String to, String... tables) {
        return """
                {"title": "%s", "tables": [%s], "from": "%s", "to": "%s", "region": "%s"}
                """.formatted(
                title,
                String.join(
                        ",", List.of(tables).stream().map(t -> "\"" + t + "\"").toList()),
                from,
                to,
                region);
    }

    String assemble(String body) throws Exception {
        return mvc.perform(post("/api/v1/statistics/releases")
                        .with(as(assembler))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/statistics/releases/")))
                .andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andReturn()
                .getResponse()
                .getHeader("Location")
                .replaceAll(".*/", "");
    }

    List<String> audit(String id) {
        return jdbc.sql("select action from access.audit_entry where record_type = 'statistics-release'"
                        + " and record_id = ? order by id")
                .param(id)
                .query(String.class)
                .list();
    }

    @Test
    void aReleaseIsAssembledApprovedByASecondStatisticianDownloadedAndEveryStepIsAudited() throws Exception {
        referrals(30, YearMonth.of(2025, 1), "FEMALE");
        referrals(4, YearMonth.of(2025, 2), "MALE");
        String id = assemble(body("API quarterly", "2025-Q1", "2025-Q1", "quarter:sex"));

        mvc.perform(get("/api/v1/statistics/releases/" + id + "/tables/0").with(as(approver)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("not published")));
        mvc.perform(post("/api/v1/statistics/releases/" + id + "/approve").with(as(assembler)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail", containsString("A second statistician must approve")));
        mvc.perform(post("/api/v1/statistics/releases/" + id + "/approve").with(as(approver)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        mvc.perform(get("/api/v1/statistics/releases").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id)));
        mvc.perform(get("/api/v1/statistics/releases/" + id).with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tables[0].rows").value("quarter"))
                // the four men are below the minimum cell size: suppressed (null)
                .andExpect(jsonPath("$.tables[0].cells[0][1]").doesNotExist());
        mvc.perform(get("/api/v1/statistics/releases/" + id + "/tables/0")
                        .param("format", "csv")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("quarter \\ sex")));

        assertThat(audit(id))
                .containsExactly("RELEASE_ASSEMBLED", "RELEASE_APPROVED", "RELEASE_PUBLISHED", "RELEASE_DOWNLOADED");
    }

    @Test
    void anUnknownDimensionIsAProblemListingTheKnownOnesAndStoresNothing() throws Exception {
        referrals(30, YearMonth.of(2025, 1), "FEMALE");

        mvc.perform(post("/api/v1/statistics/releases")
                        .with(as(assembler))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("With a bad table", "2025-Q1", "2025-Q1", "quarter:sex", "quarter:shoe-size")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail", containsString("shoe-size")))
                .andExpect(jsonPath("$.detail", containsString("age-band")));

        assertThat(releasesIn(region)).isZero();
    }

    @Test
    void aReleaseWhoseDifferenceFromAPublishedOneWouldShowTwoMenHasMoreWithheldWithTheReason() throws Exception {
        referrals(20, YearMonth.of(2025, 1), "FEMALE");
        referrals(20, YearMonth.of(2025, 1), "MALE");
        String first = assemble(body("API first quarter", "2025-Q1", "2025-Q1", "sex:age-group"));
        mvc.perform(post("/api/v1/statistics/releases/" + first + "/approve").with(as(approver)))
                .andExpect(status().isOk());
        referrals(2, YearMonth.of(2025, 5), "MALE");

        // the first half minus the published first quarter would show the two men of the second quarter: the joint
        // check withholds more (it used to refuse the release), and says why without saying how many
        mvc.perform(post("/api/v1/statistics/releases")
                        .with(as(assembler))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("API first half", "2025-Q1", "2025-Q2", "quarter:sex", "sex:age-group")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath(
                        "$.tables[*].disclosure.suppressions[?(@.reason == 'JOINT')].why",
                        hasItem(containsString("a difference no table shows"))))
                .andExpect(jsonPath("$.withheldPersons").doesNotExist());

        assertThat(releasesIn(region)).isEqualTo(2);
    }

    @Test
    void closureAndDurableSolutionTablesCountTheirOwnEvents() throws Exception {
        for (int i = 0; i < 12; i++) {
            statistics.record(Fact.of(EventKind.CLOSURE, YearMonth.of(2025, 6))
                    .origin(region, null)
                    .exploitationForms(Set.of())
                    .profile(Set.of(), Set.of(), null, Set.of())
                    .closureReason("DURABLE_SOLUTION")
                    .build());
        }
        referrals(30, YearMonth.of(2025, 6), "FEMALE");

        mvc.perform(post("/api/v1/statistics/releases")
                        .with(as(assembler))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(
                                "API closures", "2025-Q2", "2025-Q2", "closure-reason:year", "durable-solution:year")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.tables[0].event").value("CLOSURE"))
                .andExpect(jsonPath("$.tables[0].rowCategories[0]").value("DURABLE_SOLUTION"))
                .andExpect(jsonPath("$.tables[0].grandTotal").value(12))
                .andExpect(jsonPath("$.tables[1].event").value("DURABLE_SOLUTION"))
                .andExpect(jsonPath("$.tables[1].grandTotal").value(0));
    }

    @Test
    void aCoordinatorReadsReleasesButCannotAssembleOrApprove() throws Exception {
        mvc.perform(post("/api/v1/statistics/releases")
                        .with(as(Role.COORDINATOR, organisation))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Not allowed", "2025-Q1", "2025-Q1", "quarter:sex")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/statistics/releases/" + UUID.randomUUID() + "/approve")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/releases/" + UUID.randomUUID()).with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isNotFound());
    }

    long releasesIn(String region) {
        return jdbc.sql("select count(*) from statistics.release where tables::text like ?")
                .param("%" + region + "%")
                .query(Long.class)
                .single();
    }
}
