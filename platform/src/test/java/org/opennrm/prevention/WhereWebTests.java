package org.opennrm.prevention;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.statistics.NationalStatistics;
import org.opennrm.statistics.TrendFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** "Who is exploited where": a published cross-table with its small counts warned about, and bad requests. */
@PlatformTest
class WhereWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalStatistics statistics;

    final UUID organisation = UUID.randomUUID();

    @Test
    void aCrossTableOfFormsByRegionWarnsAboutItsSmallCounts() throws Exception {
        String region = "PW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // 15 referrals: above the minimum cell size (shown), below 30 (small: shown with its interval)
        TrendFixtures.referrals(statistics, region, YearMonth.of(2017, 5), 15);

        mvc.perform(get("/prevention/where")
                        .param("rows", "exploitation-form")
                        .param("columns", "region")
                        .param("from", "2017-Q2")
                        .param("to", "2017-Q2")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"where-table\"")))
                .andExpect(content().string(containsString(region)))
                .andExpect(content().string(containsString("id=\"where-small-warning\"")))
                .andExpect(content().string(containsString("15 (8-25)")));
    }

    @Test
    void categoriesAreLabelledOnThePageAndCodedAndLabelledInTheDownload() throws Exception {
        String region = "PX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TrendFixtures.referrals(statistics, region, YearMonth.of(2015, 8), 24);

        mvc.perform(get("/prevention/where")
                        .param("rows", "sex")
                        .param("columns", "citizenship")
                        .param("from", "2015-Q3")
                        .param("to", "2015-Q3")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Female</th>")))
                .andExpect(content().string(containsString(">Ukraine</th>")))
                .andExpect(content().string(not(containsString(">FEMALE<"))))
                .andExpect(content().string(containsString("/prevention/where.csv?")));

        mvc.perform(get("/prevention/where.csv")
                        .param("rows", "sex")
                        .param("columns", "citizenship")
                        .param("from", "2015-Q3")
                        .param("to", "2015-Q3")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(startsWith(
                                "sex,sex_label,citizenship,citizenship_label,count,lower_95,upper_95,withheld\n")))
                .andExpect(content().string(containsString("\nFEMALE,Female,UKR,Ukraine,12,6.2,21.0,false\n")))
                .andExpect(content().string(containsString("\n\"\",Total,,Total,24,15.4,35.7,false\n")));
    }

    @Test
    void vulnerabilitiesAndRecruitmentCrossRegionsLabelledOnThePageAndInTheDownload() throws Exception {
        String region = "PV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TrendFixtures.referrals(
                statistics,
                region,
                YearMonth.of(2013, 2),
                12,
                java.util.Set.of("DEBT"),
                java.util.Set.of("THROUGH_ONLINE_SOCIAL_NETWORKS"),
                java.util.Set.of("TELEGRAM"));
        // two vulnerabilities stated are one person, counted as "several"
        TrendFixtures.referrals(
                statistics,
                region,
                YearMonth.of(2013, 3),
                11,
                java.util.Set.of("CARE_LEAVER", "HOMELESSNESS"),
                java.util.Set.of(),
                java.util.Set.of());

        mvc.perform(get("/prevention/where")
                        .param("rows", "vulnerability")
                        .param("columns", "region")
                        .param("from", "2013-Q1")
                        .param("to", "2013-Q1")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"recruitment-platform\"")))
                .andExpect(content().string(containsString(">Debt</th>")))
                .andExpect(content().string(containsString(">Several</th>")))
                .andExpect(content().string(not(containsString(">DEBT<"))));

        mvc.perform(get("/prevention/where.csv")
                        .param("rows", "recruitment-platform")
                        .param("columns", "vulnerability")
                        .param("from", "2013-Q1")
                        .param("to", "2013-Q1")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(startsWith("recruitment-platform,recruitment-platform_label,vulnerability,"
                                + "vulnerability_label,count,lower_95,upper_95,withheld\n")))
                .andExpect(content().string(containsString("\nTELEGRAM,Telegram,DEBT,Debt,12,")))
                .andExpect(content().string(containsString("\nUNKNOWN,Not known,MULTIPLE,Several,11,")))
                .andExpect(content().string(containsString("\n\"\",Total,,Total,23,")));
    }

    @Test
    void anUnknownOrRepeatedDimensionIsSaidOnThePage() throws Exception {
        mvc.perform(get("/prevention/where").param("rows", "shoe-size").with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("where-problem")));
        mvc.perform(get("/prevention/where")
                        .param("rows", "region")
                        .param("columns", "region")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("two different dimensions")))
                .andExpect(content().string(not(containsString("id=\"where-table\""))));
    }
}
