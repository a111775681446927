package org.opennrm.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The background estimate on the estimation page: started from the form, its page polls until the comparison. */
@PlatformTest
class EstimationJobsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    EstimationJobs jobs;

    final UUID organisation = UUID.randomUUID();

    @Test
    void theFormStartsAJobWhosePagePollsItsProgressThenShowsTheComparison() throws Exception {
        mvc.perform(get("/statistics/estimates").with(as(Role.STATISTICIAN, organisation)))
                .andExpect(content().string(containsString("id=\"estimate-job\"")))
                .andExpect(content().string(containsString("formaction=\"/statistics/estimates/jobs\"")));

        String location = mvc.perform(post("/statistics/estimates/jobs")
                        .with(as(Role.STATISTICIAN, organisation))
                        .with(csrf())
                        .param("table", MseFixtures.csv("Kosovo")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/statistics/estimates/jobs/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        var job = jobs.load(id);
        if (!job.finished()) {
            mvc.perform(get(location).with(as(Role.STATISTICIAN, organisation)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Background estimate of the hidden number")));
        }
        long until = System.nanoTime() + 180_000_000_000L;
        while (!jobs.load(id).finished() && System.nanoTime() < until) {
            String fragment = mvc.perform(get(location + "/progress").with(as(Role.STATISTICIAN, organisation)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            // the job may end between the check above and this request
            if (!fragment.contains("id=\"comparison\"")) {
                org.assertj.core.api.Assertions.assertThat(fragment)
                        .contains("hx-trigger=\"every 2s\"")
                        .contains("id=\"job-progress\"");
            }
            Thread.sleep(500);
        }
        mvc.perform(get(location + "/progress").with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("hx-trigger"))))
                .andExpect(content().string(containsString("id=\"comparison\"")))
                .andExpect(content().string(containsString("Latent-class model")))
                .andExpect(content().string(containsString("Recommended:")))
                .andExpect(content().string(not(containsString("NaN"))));
    }

    @Test
    void aTableThatCannotBeEstimatedIsRefusedOnTheFormWithTheReason() throws Exception {
        mvc.perform(post("/statistics/estimates/jobs")
                        .with(as(Role.STATISTICIAN, organisation))
                        .with(csrf())
                        .param("table", "A,B,count\n1,0,3\n0,1,4\n1,1,1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"estimate-problem\"")))
                .andExpect(content().string(containsString("At least three lists")));
    }

    @Test
    void aTableWithTooFewOverlapsIsAnsweredWithAWarningAndNeverANaN() throws Exception {
        // three lists that nearly never meet: 2 people on two lists
        String sparse = "A,B,C,count\n1,0,0,40\n0,1,0,35\n0,0,1,50\n1,1,0,1\n0,1,1,1\n";
        String location = mvc.perform(post("/statistics/estimates/jobs")
                        .with(as(Role.STATISTICIAN, organisation))
                        .with(csrf())
                        .param("table", sparse))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        long until = System.nanoTime() + 180_000_000_000L;
        while (!jobs.load(id).finished() && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        mvc.perform(get(location).with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-estimate\"")))
                .andExpect(content().string(containsString("The data cannot support an estimate of the hidden number")))
                .andExpect(content().string(not(containsString("Recommended:"))))
                .andExpect(content().string(containsString("id=\"comparison\"")))
                .andExpect(content().string(containsString("id=\"estimate-warnings\"")))
                .andExpect(content().string(containsString("Only 2 people are on two lists or more")))
                .andExpect(content().string(containsString("The lists A &amp; C share nobody")))
                .andExpect(content().string(not(containsString("NaN"))))
                .andExpect(content().string(not(containsString("Infinity"))));
    }
}
