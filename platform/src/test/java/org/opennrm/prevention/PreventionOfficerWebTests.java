package org.opennrm.prevention;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The prevention officer: a home panel of their own, the published trends and cross-tables, the flags to read but
 * not to review; the co-ordinator keeps her panel with the review forms.
 */
@PlatformTest
class PreventionOfficerWebTests {

    @Autowired
    MockMvc mvc;

    final UUID organisation = UUID.randomUUID();

    @Test
    void theHomePageLoadsTheOfficersPanelAndTheCoordinatorsStays() throws Exception {
        mvc.perform(get("/").with(as(Role.PREVENTION_OFFICER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/prevention/officer-panel")))
                .andExpect(content().string(not(containsString("hx-get=\"/prevention/panel\""))))
                .andExpect(content().string(containsString("id=\"nav-trends\"")));
        mvc.perform(get("/").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/prevention/panel\"")))
                .andExpect(content().string(not(containsString("/prevention/officer-panel"))));
    }

    @Test
    void theOfficerReadsPanelTrendsAndCrossTables() throws Exception {
        mvc.perform(get("/prevention/officer-panel").with(as(Role.PREVENTION_OFFICER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"panel-prevention\"")))
                .andExpect(content().string(containsString("id=\"officer-panel-trends\"")));
        mvc.perform(get("/prevention/trends").param("breakdown", "sex").with(as(Role.PREVENTION_OFFICER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"trend-table\"")));
        mvc.perform(get("/prevention/where").with(as(Role.PREVENTION_OFFICER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"where-table\"")));
    }

    @Test
    void theOfficerReadsFlagsButNeitherReviewsNorScans() throws Exception {
        mvc.perform(get("/prevention/flags").with(as(Role.PREVENTION_OFFICER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"scan-now\""))))
                .andExpect(content().string(not(containsString("/review\""))));
        mvc.perform(get("/prevention/panel").with(as(Role.PREVENTION_OFFICER, organisation)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/statistics").with(as(Role.PREVENTION_OFFICER, organisation)))
                .andExpect(status().isForbidden());
    }
}
