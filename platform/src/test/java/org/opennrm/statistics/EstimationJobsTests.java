package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Background estimates: {@code POST /api/v1/estimates/jobs} answers 202 with the job at once; the job goes from
 * submitted to running to done with the comparison, or fails with the reason at its time limit; jobs cut off by a stop
 * are marked failed at start and waiting ones run.
 */
@PlatformTest
class EstimationJobsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    EstimationJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    final UUID organisation = UUID.randomUUID();

    ResultActions submit(String csv, String query) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/estimates/jobs" + query)
                .with(as(Role.STATISTICIAN, organisation))
                .contentType("text/csv")
                .content(csv);
        return mvc.perform(request);
    }

    UUID id(ResultActions result) throws Exception {
        return UUID.fromString(json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("id")
                .asString());
    }

    EstimationJob await(UUID id, Set<EstimationJob.Status> seen) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            var job = jobs.load(id);
            seen.add(job.status());
            if (job.finished()) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " did not finish in 2 minutes");
    }

    @Test
    void aJobIsAcceptedAtOnceThenRunsAndEndsWithTheComparison() throws Exception {
        var accepted = submit(MseFixtures.csv("Kosovo"), "?classes=10&burnIn=3000&samples=1000&thinning=20&seed=7")
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", containsString("/api/v1/estimates/jobs/")))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.progress").value(0))
                .andExpect(jsonPath("$.source").value("TABLE"));
        UUID id = id(accepted);
        Set<EstimationJob.Status> seen = EnumSet.of(EstimationJob.Status.SUBMITTED);

        var job = await(id, seen);

        assertThat(seen).contains(EstimationJob.Status.RUNNING);
        assertThat(job.status()).isEqualTo(EstimationJob.Status.DONE);
        assertThat(job.progress()).isEqualTo(100);
        assertThat(job.startedAt()).isNotNull();
        assertThat(job.finishedAt()).isAfterOrEqualTo(job.startedAt());
        var result = job.result();
        assertThat(result.observed()).isEqualTo(4_400);
        assertThat(result.latentClass().samples()).isEqualTo(1_000);
        assertThat(result.latentClass().seed()).isEqualTo(7);
        assertThat(result.logLinear().mainEffects().status()).isEqualTo(FitStatus.FITTED);
        assertThat(result.recommended()).isNotNull();
        assertThat(result.recommendedRow().total()).isBetween(4_400.0, 30_000.0);

        mvc.perform(get("/api/v1/estimates/jobs/" + id).with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.result.latentClass.total").isNumber())
                .andExpect(jsonPath("$.result.latentClass.totalLower").isNumber())
                .andExpect(jsonPath("$.result.latentClass.effectiveSampleSize").isNumber())
                .andExpect(jsonPath("$.result.logLinear.bestByAic.total").isNumber())
                .andExpect(jsonPath("$.result.recommended").isString())
                // the API carries the interval the page puts first, read back from the stored result
                .andExpect(jsonPath("$.result.recommendedRow.choice")
                        .value(result.recommended().name()))
                .andExpect(jsonPath("$.result.recommendedRow.totalLower")
                        .value(result.recommendedRow().totalLower()));
    }

    @Test
    void aJobStillRunningAtItsTimeLimitFailsWithTheReason() throws Exception {
        UUID id = id(submit(MseFixtures.csv("UKdat"), "?burnIn=4000000&samples=100&thinning=1&timeLimitSeconds=1")
                .andExpect(status().isAccepted()));

        var job = await(id, EnumSet.noneOf(EstimationJob.Status.class));

        assertThat(job.status()).isEqualTo(EstimationJob.Status.FAILED);
        assertThat(job.failure()).contains("time limit of 1 seconds");
        assertThat(job.result()).isNull();
        mvc.perform(get("/api/v1/estimates/jobs/" + id).with(as(Role.STATISTICIAN, organisation)))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.failure").value(containsString("time limit")));
    }

    @Test
    void atStartAJobCutOffByAStopFailsAndAWaitingJobRuns() throws Exception {
        UUID cutOff = insert("RUNNING");
        UUID waiting = insert("SUBMITTED");

        jobs.recover();

        var failed = jobs.load(cutOff);
        assertThat(failed.status()).isEqualTo(EstimationJob.Status.FAILED);
        assertThat(failed.failure()).contains("platform stopped");
        assertThat(await(waiting, EnumSet.noneOf(EstimationJob.Status.class)).status())
                .isEqualTo(EstimationJob.Status.DONE);
    }

    @Test
    void badTablesAndSettingsAreProblemsAtSubmission() throws Exception {
        submit("A,B,count\n1,0,3\n0,1,4\n1,1,1\n", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("At least three lists")));
        submit(MseFixtures.csv("Kosovo"), "?classes=1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("between 2 and 50 classes")));
        submit(MseFixtures.csv("Kosovo"), "?timeLimitSeconds=999999")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("time limit")));
        submit("", "").andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownJobIsNotFoundAndJobsNeedTheStatisticsPermission() throws Exception {
        mvc.perform(get("/api/v1/estimates/jobs/" + UUID.randomUUID()).with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        submit(MseFixtures.csv("Kosovo"), "").andExpect(status().isAccepted());
        mvc.perform(post("/api/v1/estimates/jobs")
                        .with(as(Role.REFERRER, organisation))
                        .contentType("text/csv")
                        .content(MseFixtures.csv("Kosovo")))
                .andExpect(status().isForbidden());
    }

    UUID insert(String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into statistics.estimation_job (id, status, stage, progress, source, overlap_table,
                            lists, classes, burn_in, samples, thinning, seed, time_limit_seconds, submitted_at,
                            started_at)
                        values (:id, :status, :stage, :progress, 'TABLE', :table, 4, 10, 1000, 200, 2, 1, 60, :at,
                            :started)
                        """)
                .param("id", id)
                .param("status", status)
                .param("stage", status.equals("RUNNING") ? "LATENT_CLASS" : null)
                .param("progress", status.equals("RUNNING") ? 40 : 0)
                .param("table", MseFixtures.csv("Kosovo"))
                .param("at", Timestamp.from(Instant.now()))
                .param("started", status.equals("RUNNING") ? Timestamp.from(Instant.now()) : null)
                .update();
        return id;
    }
}
