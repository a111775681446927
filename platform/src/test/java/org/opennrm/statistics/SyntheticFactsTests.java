package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's synthetic cases reach the statistics through the same events as real referrals and decisions: one
 * referral fact per case and one decision fact per decision, so the dashboard of a demo installation is not empty.
 */
@PlatformTest
// the synthetic installation of SyntheticCasesTests, not one of its own: a context costs seconds of every build
@TestPropertySource(properties = PlatformTest.SYNTHETIC_CASES)
class SyntheticFactsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everySyntheticCaseAndDecisionIsAFact() throws Exception {
        long cases = count("select count(*) from cases.case_file");
        long decisions = count("select count(*) from cases.decision");
        long referralFacts = 0;
        long decisionFacts = 0;
        // the events of forty cases are delivered after start-up: waited for, up to half a minute on a busy build
        // machine
        for (int i = 0; i < 300 && (referralFacts < cases || decisionFacts < decisions); i++) {
            Thread.sleep(100);
            referralFacts = count("select count(*) from statistics.fact where event_kind = 'REFERRAL'");
            decisionFacts = count("select count(*) from statistics.fact where event_kind = 'IDENTIFICATION_DECISION'");
        }

        assertThat(cases).isEqualTo(PlatformTest.SYNTHETIC_CASES_COUNT);
        assertThat(referralFacts).isEqualTo(cases);
        assertThat(decisionFacts).isEqualTo(decisions);
        assertThat(count("select count(*) from statistics.fact where event_kind = 'REFERRAL'"
                        + " and referring_sector is not null and cardinality(exploitation_forms) > 0"))
                .isEqualTo(cases);
        mvc.perform(get("/statistics")
                        .param("rows", "year")
                        .param("columns", "age-group")
                        .with(as(Role.STATISTICIAN, UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"national-table\"")));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
