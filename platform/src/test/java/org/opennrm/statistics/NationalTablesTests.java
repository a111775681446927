package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Standard national tables from recorded facts: SQL aggregation by any two dimensions, filtered by period
 * and region, through disclosure control, as JSON, CSV, XLSX and the dashboard. Each test records its
 * facts in a region of its own, since the database is shared.
 */
@PlatformTest
class NationalTablesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    Clock clock;

    final UUID organisation = UUID.randomUUID();
    String region;

    @BeforeEach
    void region() {
        region = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    void referrals(int count, YearMonth month, String sex, boolean child, Set<String> forms) {
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, month)
                    .origin(region, "POLICE")
                    .person(sex, child ? "9-17" : "21-23", child, "MDA")
                    .exploitationForms(forms)
                    .build());
        }
    }

    void decision(String outcome, int days) {
        statistics.record(Fact.of(EventKind.IDENTIFICATION_DECISION, YearMonth.of(2025, 3))
                .origin(region, null)
                .person("MALE", null, false, null)
                .exploitationForms(Set.of())
                .decision(outcome, days)
                .build());
    }

    void standardFacts() {
        referrals(25, YearMonth.of(2025, 1), "FEMALE", false, Set.of("SEXUAL"));
        referrals(30, YearMonth.of(2025, 2), "MALE", false, Set.of("LABOUR"));
        referrals(3, YearMonth.of(2025, 3), "FEMALE", true, Set.of("LABOUR", "SEXUAL"));
        referrals(40, YearMonth.of(2025, 5), "FEMALE", false, Set.of("LABOUR"));
        referrals(35, YearMonth.of(2025, 6), "MALE", false, Set.of("LABOUR"));
        referrals(12, YearMonth.of(2025, 4), "FEMALE", true, Set.of("SEXUAL"));
        // another period, left out by the filter below
        referrals(50, YearMonth.of(2024, 11), "MALE", false, Set.of("LABOUR"));
    }

    @Test
    void aTableCountsByTwoDimensionsWithinThePeriodAndRegion() throws Exception {
        standardFacts();

        mvc.perform(get("/api/v1/statistics/tables")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("rows", "quarter")
                        .param("columns", "sex")
                        .param("from", "2025-Q1")
                        .param("to", "2025-Q2")
                        .param("region", region))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.event").value("REFERRAL"))
                .andExpect(jsonPath("$.rowCategories[0]").value("2025-Q1"))
                .andExpect(jsonPath("$.rowCategories[1]").value("2025-Q2"))
                .andExpect(jsonPath("$.columnCategories[0]").value("FEMALE"))
                .andExpect(jsonPath("$.cells[0][0]").value(28))
                .andExpect(jsonPath("$.cells[0][1]").value(30))
                .andExpect(jsonPath("$.cells[1][0]").value(52))
                .andExpect(jsonPath("$.cells[1][1]").value(35))
                .andExpect(jsonPath("$.grandTotal").value(145))
                .andExpect(jsonPath("$.disclosure.suppressions.length()").value(0));
    }

    @Test
    void theDashboardCrossesVulnerabilitiesAndRecruitmentInWords() throws Exception {
        for (int i = 0; i < 12; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(2025, 2))
                    .origin(region, "POLICE")
                    .person(i % 2 == 0 ? "FEMALE" : "MALE", "21-23", false, "MDA")
                    .vulnerabilities(Set.of("UNACCOMPANIED_CHILD"))
                    .recruitment(Set.of("THROUGH_ONLINE_SOCIAL_NETWORKS"), Set.of("TIK_TOK", "TELEGRAM"))
                    .build());
        }

        mvc.perform(get("/statistics")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("rows", "vulnerability")
                        .param("columns", "recruitment-platform")
                        .param("from", "2025-Q1")
                        .param("to", "2025-Q1")
                        .param("region", region))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"recruitment-method\"")))
                .andExpect(content().string(containsString(">Unaccompanied child</")))
                .andExpect(content().string(containsString(">Several</")));
        mvc.perform(get("/api/v1/statistics/tables")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("rows", "recruitment-method")
                        .param("columns", "recruitment-platform")
                        .param("from", "2025-Q1")
                        .param("to", "2025-Q1")
                        .param("region", region))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowCategories[0]").value("THROUGH_ONLINE_SOCIAL_NETWORKS"))
                .andExpect(jsonPath("$.columnCategories[0]").value("MULTIPLE"))
                .andExpect(jsonPath("$.cells[0][0]").value(12));
    }

    @Test
    void smallCountsAreSuppressedWithTheirReasons() throws Exception {
        standardFacts();

        mvc.perform(get("/api/v1/statistics/tables")
                        .with(as(Role.COORDINATOR, organisation))
                        .param("rows", "quarter")
                        .param("columns", "age-group")
                        .param("from", "2025-Q1")
                        .param("region", region))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columnCategories[0]").value("CHILD"))
                // 3 children in the first quarter: suppressed, and protected by secondary suppression
                .andExpect(jsonPath("$.cells[0][0]").value(nullValue()))
                .andExpect(jsonPath("$.disclosure.primary").value(1))
                .andExpect(jsonPath("$.disclosure.secondary").value(3))
                .andExpect(jsonPath("$.disclosure.suppressions[0].reason").value("PRIMARY"))
                .andExpect(jsonPath("$.disclosure.minimumCellSize").value(10));
    }

    @Test
    @WithMockUser(authorities = "statistics:read:all")
    void aPersonWithSeveralFormsOfExploitationCountsOnceAsMultiple() {
        standardFacts();

        var table = statistics.table(
                TableRequest.of("exploitation-form", "year", "REFERRAL", "2025-Q1", null, region), Rounding.NONE);

        assertThat(table.rows()).containsExactly("LABOUR", "MULTIPLE", "SEXUAL");
        // the 3 with both forms, and their row total (the same 3)
        assertThat(table.check().primary()).isEqualTo(2);
        assertThat(table.grandTotal()).isEqualTo(145);
    }

    @Test
    @WithMockUser(authorities = "statistics:read:all")
    void decisionTablesCountDecisionsByTimeToDecisionBand() {
        for (int i = 0; i < 12; i++) {
            decision("POSITIVE", 30);
            decision("NEGATIVE", 100);
        }

        var table = statistics.table(
                TableRequest.of("decision-outcome", "time-to-decision", null, null, null, region), Rounding.NONE);

        assertThat(table.columns()).containsExactly("0-45", "91-180");
        assertThat(table.rows()).containsExactly("NEGATIVE", "POSITIVE");
        assertThat(table.cell(1, 0)).isEqualTo(12);
        assertThat(table.cell(0, 1)).isEqualTo(12);
    }

    @Test
    void anUnknownDimensionIsABadRequestThatNamesTheKnownOnes() throws Exception {
        mvc.perform(get("/api/v1/statistics/tables")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("rows", "name")
                        .param("columns", "sex"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Unknown dimension \"name\"")))
                .andExpect(jsonPath("$.detail").value(containsString("exploitation-form")));
    }

    @Test
    void theTableDownloadsAsCsvWithSuppressedCellsMarked() throws Exception {
        standardFacts();

        mvc.perform(get("/statistics/tables/download")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("rows", "quarter")
                        .param("columns", "age-group")
                        .param("from", "2025-Q1")
                        .param("region", region)
                        .param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andExpect(content().string(containsString("quarter \\ age-group,label,CHILD,ADULT,total")))
                .andExpect(content().string(containsString("2025-Q1,2025-Q1,x,")))
                .andExpect(content().string(containsString("suppressed,2025-Q1,CHILD,primary")));
    }

    @Test
    void theTableDownloadsAsXlsxWithCountsAsNumbers() throws Exception {
        standardFacts();

        byte[] file = mvc.perform(get("/api/v1/statistics/tables/download")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("rows", "quarter")
                        .param("columns", "sex")
                        .param("from", "2025-Q1")
                        .param("region", region)
                        .param("format", "xlsx"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("FEMALE");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Female");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("2025-Q1");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(28);
            assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(145);
        }
    }

    @Test
    void theDashboardShowsTheTableTheSuppressionsAndTheChartData() throws Exception {
        standardFacts();

        mvc.perform(get("/statistics")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("rows", "quarter")
                        .param("columns", "age-group")
                        .param("from", "2025-Q1")
                        .param("region", region))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"national-table\"")))
                .andExpect(content().string(containsString("Referrals by Quarter and Child or adult")))
                // categories in words, in the table and in the chart's data, never as codes
                .andExpect(content().string(containsString(">Child (0-17)</th>")))
                .andExpect(content().string(containsString("&quot;Adult (18 and over)&quot;")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(">CHILD<"))))
                .andExpect(content().string(containsString("id=\"suppressions\"")))
                .andExpect(content().string(containsString("fewer people than the minimum cell size")))
                .andExpect(content().string(containsString("data-table=\"{")))
                .andExpect(content().string(containsString("/js/statistics.js")))
                .andExpect(content().string(containsString("format=xlsx")));
    }

    @Test
    void withoutAPeriodTheDashboardShowsTheLastEightQuarters() throws Exception {
        LocalDate today = LocalDate.now(clock);
        int current = today.getYear() * 4 + (today.getMonthValue() - 1) / 3;
        int first = current - 7;
        String from = (first / 4) + "-Q" + (first % 4 + 1);
        String to = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.from(today))
                .origin(region, "NGO")
                .person("FEMALE", "24-26", false, "MDA")
                .build());
        statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.from(today).minusYears(3))
                .origin(region, "NGO")
                .person("FEMALE", "24-26", false, "MDA")
                .build());

        var page = mvc.perform(get("/statistics")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("region", region))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"from\" name=\"from\" value=\"" + from + "\"")))
                .andExpect(content().string(containsString("id=\"to\" name=\"to\" value=\"" + to + "\"")))
                .andExpect(content().string(containsString("the last eight quarters are shown")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String table =
                org.jsoup.Jsoup.parse(page).getElementById("national-table").text();
        assertThat(table)
                .contains(to)
                .doesNotContain(YearMonth.from(today).minusYears(3).getYear() + "-Q");

        // a period asked for is kept as it is
        mvc.perform(get("/statistics")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("region", region)
                        .param("from", "2020-Q1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"from\" name=\"from\" value=\"2020-Q1\"")))
                .andExpect(content().string(containsString("id=\"to\" name=\"to\" value=\"\"")));
    }

    @Test
    void theDashboardExplainsAnUnknownDimension() throws Exception {
        mvc.perform(get("/statistics").with(as(Role.STATISTICIAN, organisation)).param("rows", "names"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Unknown dimension")));
    }

    @Test
    void aRefusedTableOrDownloadIsExplainedInTheReadersLanguage() throws Exception {
        mvc.perform(get("/statistics")
                        .with(as(Role.STATISTICIAN, organisation))
                        .header("Accept-Language", "fr")
                        .param("rows", "names"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString(
                                "<span>Dimension inconnue « names ». Dimensions connues : year, quarter")));
        // a download link answers in plain text, in the reader's language too
        mvc.perform(get("/statistics/tables/download")
                        .with(as(Role.STATISTICIAN, organisation))
                        .header("Accept-Language", "fr")
                        .param("rows", "quarter")
                        .param("columns", "sex")
                        .param("rounding", "sometimes"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("text/plain")))
                .andExpect(content().encoding(java.nio.charset.StandardCharsets.UTF_8))
                .andExpect(content().string("L’arrondi est NONE, CONVENTIONAL ou RANDOM."));
        mvc.perform(get("/statistics/tables/download")
                        .with(as(Role.STATISTICIAN, organisation))
                        .header("Accept-Language", "ru")
                        .param("rows", "quarter")
                        .param("columns", "sex")
                        .param("region", region)
                        .param("format", "pdf"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string("Таблица скачивается в формате csv или xlsx."));
        mvc.perform(get("/statistics/tables/download")
                        .with(as(Role.STATISTICIAN, organisation))
                        .param("rows", "quarter")
                        .param("columns", "sex")
                        .param("rounding", "sometimes"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string("Rounding is NONE, CONVENTIONAL or RANDOM."));
    }

    @Test
    void caseWorkersDoNotSeeStatistics() throws Exception {
        mvc.perform(get("/statistics").with(as(Role.CASE_MANAGER, organisation)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/tables")
                        .with(as(Role.REFERRER, organisation))
                        .param("rows", "quarter")
                        .param("columns", "sex"))
                .andExpect(status().isForbidden());
    }
}
