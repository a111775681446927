package org.opennrm.prevention;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.statistics.NationalStatistics;
import org.opennrm.statistics.TrendFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The trends page, its CSV, the early-warning panel and the review form, over MockMvc. */
@PlatformTest
class TrendsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalStatistics statistics;

    final UUID organisation = UUID.randomUUID();

    @Test
    void theTrendsPageShowsATableAChartAndTheDownload() throws Exception {
        mvc.perform(get("/prevention/trends").param("breakdown", "sex").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"trend-table\"")))
                .andExpect(content().string(containsString("data-trend=")))
                .andExpect(content().string(containsString("/prevention/trends.csv?")));
    }

    @Test
    void theCsvHoldsEveryQuarterWithItsInterval() throws Exception {
        mvc.perform(get("/prevention/trends.csv")
                        .param("from", "2024-Q1")
                        .param("to", "2024-Q4")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("trend-referral-2024-Q1-2024-Q4.csv")))
                .andExpect(content()
                        .string(startsWith(
                                "quarter,category,category_label,count,lower_95,upper_95,withheld\n2024-Q1,,,")))
                .andExpect(content().string(containsString("\n2024-Q4,,")));
    }

    /** A download link changed by hand (a period that ends before it starts) gets the refusal's words, not a 500. */
    @Test
    void aDownloadLinkChangedByHandIsRefusedInTheReadersLanguage() throws Exception {
        var page = mvc.perform(get("/prevention/trends.csv")
                        .param("from", "2025-Q1")
                        .param("to", "2024-Q1")
                        .header("Accept-Language", "fr")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var refusal = org.jsoup.Jsoup.parse(page).getElementById("refusal");
        org.assertj.core.api.Assertions.assertThat(refusal).isNotNull();
        org.assertj.core.api.Assertions.assertThat(refusal.attr("lang")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(refusal.text()).isNotBlank().doesNotContain("period");
        org.assertj.core.api.Assertions.assertThat(page).contains("Impossible").doesNotContain("Exception");
        mvc.perform(get("/prevention/trends.csv")
                        .param("from", "2025-Q1")
                        .param("to", "2024-Q1")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Not possible")));
    }

    @Test
    void categoriesAreShownByTheirLabelsAndDownloadedWithCodeAndLabel() throws Exception {
        String region = "PT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TrendFixtures.referrals(statistics, region, YearMonth.of(2016, 2), 12);
        mvc.perform(get("/prevention/trends")
                        .param("breakdown", "sex")
                        .param("from", "2014-Q1")
                        .param("to", "2016-Q1")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Female</th>")))
                .andExpect(content().string(not(containsString(">FEMALE<"))));
        mvc.perform(get("/prevention/trends.csv")
                        .param("breakdown", "sex")
                        .param("from", "2014-Q1")
                        .param("to", "2016-Q1")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\n2016-Q1,FEMALE,Female,")))
                .andExpect(content().string(containsString("\n2016-Q1,MALE,Male,")));
    }

    @Test
    void aTrendIsBrokenDownByVulnerabilityInWords() throws Exception {
        String region = "PV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TrendFixtures.referrals(statistics, region, YearMonth.of(2013, 5), 40, Set.of("DEBT"), Set.of(), Set.of());
        mvc.perform(get("/prevention/trends")
                        .param("breakdown", "vulnerability")
                        .param("from", "2012-Q1")
                        .param("to", "2013-Q4")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"vulnerability\" selected")))
                .andExpect(content().string(containsString(">Debt</th>")))
                .andExpect(content().string(not(containsString(">DEBT<"))));
    }

    @Test
    void anUnknownBreakdownOrPeriodIsSaidOnThePage() throws Exception {
        mvc.perform(get("/prevention/trends").param("breakdown", "shoe-size").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("trend-problem")));
        mvc.perform(get("/prevention/trends")
                        .param("from", "2025-Q3")
                        .param("to", "2025-Q1")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("starts after it ends")));
        // in the reader's language, without the English marker
        mvc.perform(get("/prevention/trends")
                        .param("from", "2025-Q3")
                        .param("to", "2025-Q1")
                        .header("Accept-Language", "de")
                        .locale(java.util.Locale.GERMAN)
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Der Zeitraum beginnt nach seinem Ende.")))
                .andExpect(content().string(not(containsString("lang=\"en\">Der Zeitraum"))));
    }

    @Test
    void thePanelListsOpenFlags() throws Exception {
        mvc.perform(get("/prevention/panel").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("panel-early-warning")));
    }

    @Test
    void aReviewWithoutCommentIsRefusedOnThePage() throws Exception {
        mvc.perform(post("/prevention/flags/{id}/review", UUID.randomUUID())
                        .param("comment", "")
                        .with(csrf())
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("review-problem")));
    }

    @Test
    void aReviewOfAnUnknownFlagIsNotFound() throws Exception {
        mvc.perform(post("/prevention/flags/{id}/review", UUID.randomUUID())
                        .param("comment", "checked")
                        .with(csrf())
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isNotFound());
    }
}
