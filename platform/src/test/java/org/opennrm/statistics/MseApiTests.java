package org.opennrm.statistics;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/estimates/mse}: models, totals and intervals as JSON; bad tables as problems. */
@PlatformTest
class MseApiTests {

    @Autowired
    MockMvc mvc;

    final UUID organisation = UUID.randomUUID();

    ResultActions estimate(String csv, Role role) throws Exception {
        return mvc.perform(post("/api/v1/estimates/mse")
                .with(as(role, organisation))
                .contentType("text/csv")
                .content(csv));
    }

    @Test
    void aCsvBodyGivesTheModelsTotalsAndIntervals() throws Exception {
        estimate(MseFixtures.csv("Western"), Role.STATISTICIAN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lists.length()").value(5))
                .andExpect(jsonPath("$.observed").value(345))
                .andExpect(jsonPath("$.mainEffects.status").value("FITTED"))
                .andExpect(jsonPath("$.mainEffects.total").value(closeTo(2007, 10)))
                .andExpect(jsonPath("$.mainEffects.totalLower").isNumber())
                .andExpect(jsonPath("$.mainEffects.totalUpper").isNumber())
                .andExpect(jsonPath("$.bestByAic.aic").isNumber())
                .andExpect(jsonPath("$.bestByBic.bic").isNumber())
                .andExpect(jsonPath("$.interval").value(containsString("profile likelihood")))
                .andExpect(jsonPath("$.models[0].model").value("main effects"))
                .andExpect(jsonPath("$.models[1].interactions[0]").value("A:B"));
    }

    @Test
    void anUploadedFileIsEstimatedToo() throws Exception {
        var file = new MockMultipartFile(
                "file", "Ned.csv", "text/csv", MseFixtures.csv("Ned").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/estimates/mse").file(file).with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mainEffects.total").value(closeTo(52823, 264)));
    }

    @Test
    void boundaryModelsAreListedWithTheirProblemAndNoNumber() throws Exception {
        estimate(MseFixtures.csv("UKdat"), Role.STATISTICIAN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.models[?(@.model == 'main effects + LA:GP')].status")
                        .value("BOUNDARY"))
                .andExpect(jsonPath("$.models[?(@.model == 'main effects + LA:GP')].total")
                        .isEmpty());
    }

    @Test
    void fewerThanThreeListsIsABadRequestThatSaysSo() throws Exception {
        estimate("A,B,count\n1,0,3\n0,1,4\n1,1,1\n", Role.STATISTICIAN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("At least three lists")));
    }

    @Test
    void anEmptyBodyIsABadRequest() throws Exception {
        estimate("", Role.STATISTICIAN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("empty")));
    }

    @Test
    void valuesOtherThanZeroOrOneAndNegativeCountsAreBadRequests() throws Exception {
        estimate("A,B,C,count\n1,0,x,3\n", Role.STATISTICIAN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("is not 0 or 1")));
        estimate("A,B,C,count\n1,0,1,-3\n", Role.STATISTICIAN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("negative")));
    }

    @Test
    void aMainEffectsModelThatCannotBeFittedIsABadRequest() throws Exception {
        estimate("A,B,C,count\n1,1,0,5\n0,1,1,5\n1,1,1,5\n", Role.STATISTICIAN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("main-effects model cannot be estimated")));
    }

    @Test
    void rolesWithoutStatisticsAreRefused() throws Exception {
        estimate(MseFixtures.csv("Western"), Role.CASE_MANAGER).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/estimates/mse")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(MseFixtures.csv("Western")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void moreThanEightListsAreSentToTheBackgroundInsteadOfHoldingTheRequest() throws Exception {
        StringBuilder csv = new StringBuilder("A,B,C,D,E,F,G,H,I,count\n");
        for (int list = 0; list < 9; list++) {
            for (int other = 0; other < 9; other++) {
                csv.append(other == list || other == (list + 1) % 9 ? "1," : "0,");
            }
            csv.append("5\n");
            for (int other = 0; other < 9; other++) {
                csv.append(other == list ? "1," : "0,");
            }
            csv.append("20\n");
        }
        estimate(csv.toString(), Role.STATISTICIAN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("estimated in the background")));
        mvc.perform(post("/api/v1/estimates/jobs?samples=100&burnIn=0&thinning=1")
                        .with(as(Role.STATISTICIAN, organisation))
                        .contentType("text/csv")
                        .content(csv.toString()))
                .andExpect(status().isAccepted());
    }
}
