package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.PlatformTest;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Agencies' criminal-justice counts: a bad file is refused whole with a message per line, a good one stored as a
 * version, approved by a statistician, corrected only as a new version with its reason, jumps flagged, and the
 * completeness of a return follows who has reported.
 */
@PlatformTest
@DatabaseOfItsOwn
// its own database needs no demo installation: its actors are made by the tests
@org.springframework.test.context.TestPropertySource(properties = "opennrm.demo.enabled=false")
class AgencyReportsTests {

    static final String COURT_FIGURES = """
            measure,sex,age_group,form,count
            COURT_DECISIONS,ALL,ALL,ALL,40
            PERSONS_CONVICTED,FEMALE,ADULT,SEXUAL_EXPLOITATION,3
            PERSONS_CONVICTED,MALE,ADULT,SEXUAL_EXPLOITATION,17
            PERSONS_CONVICTED,MALE,ADULT,FORCED_LABOUR,9
            CUSTODIAL_SENTENCES,MALE,ADULT,ALL,21
            """;

    @Autowired
    AgencyReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    final UUID court = UUID.randomUUID();
    final Actor registrar = TestSignIn.actor(Role.AGENCY_REPORTER, court);
    final Actor statistician = TestSignIn.actor(Role.STATISTICIAN, UUID.randomUUID());
    /** The years of this class's tests, two each; see {@link #aYearOfItsOwn}. */
    static final java.util.concurrent.atomic.AtomicInteger NEXT_YEAR =
            new java.util.concurrent.atomic.AtomicInteger(2001);

    int year;

    @BeforeEach
    void aYearOfItsOwn() {
        // each test of this class has a year and the year before to itself, in this class's own database: agencies'
        // figures are versioned, never deleted, so a year is never used twice
        year = NEXT_YEAR.getAndAdd(2) + 1;
    }

    AgencyReports.Report send(Agency agency, int year, String csv, String reason) {
        return SignedIn.as(registrar, () -> reports.submit(agency, year, new StringReader(csv), reason));
    }

    long stored() {
        return jdbc.sql("select count(*) from monitoring.return_agency_report where period_year = ?")
                .param(year)
                .query(Long.class)
                .single();
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithAMessagePerLine() {
        String bad = """
                measure,sex,age_group,form,count
                PERSONS_CONVICTED,FEMALE,ADULT,SEXUAL_EXPLOITATION,3
                PERSONS_CONVICTED,MALE,ADULT,SEXUAL_EXPLOITATION,-2
                PERSONS_CONVICTED,MALE,ADULT,FORCED_LABOUR,2.5
                ARRESTS,MALE,ADULT,FORCED_LABOUR,4
                COURT_DECISIONS,MALE,ALL,ALL,4
                PERSONS_CONVICTED,FEMALE,ADULT,SEXUAL_EXPLOITATION,1
                """;

        assertThatThrownBy(() -> send(Agency.COURTS, year, bad, null))
                .isInstanceOfSatisfying(AgencyUpload.Refused.class, refused -> assertThat(refused.problems)
                        .containsExactly(
                                "Line 3: the count \"-2\" is not a whole number of zero or more.",
                                "Line 4: the count \"2.5\" is not a whole number of zero or more.",
                                "Line 5: the measure \"ARRESTS\" is not one of COURT_DECISIONS, PERSONS_CONVICTED,"
                                        + " CUSTODIAL_SENTENCES.",
                                "Line 6: COURT_DECISIONS does not count persons: its sex and age group must be ALL.",
                                "Line 7: this breakdown is given twice."));
        assertThat(stored()).isZero();
    }

    /** The upload page lists a refused file's problems line by line in the reader's language, in English without. */
    @Test
    void theUploadPageShowsTheProblemsOfAFileInTheReadersLanguage() throws Exception {
        String bad = """
                measure,sex,age_group,form,count
                PERSONS_CONVICTED,FEMALE,ADULT,SEXUAL_EXPLOITATION,-2
                ARRESTS,MALE,ADULT,FORCED_LABOUR,4
                PERSONS_CONVICTED,WOMEN,ADULT,ALL,x
                COURT_DECISIONS,MALE,ALL,ALL,4
                """;
        assertThat(uploadProblems(bad, "fr"))
                .containsExactly(
                        "Ligne 2 : le nombre « -2 » n’est pas un nombre entier positif ou nul.",
                        "Ligne 3 : la mesure « ARRESTS » ne figure pas parmi COURT_DECISIONS, PERSONS_CONVICTED,"
                                + " CUSTODIAL_SENTENCES.",
                        // two things wrong on one line, joined as French writes them
                        "Ligne 4 : le sexe « WOMEN » ne figure pas parmi FEMALE, MALE, UNKNOWN, ALL ; le nombre « x »"
                                + " n’est pas un nombre entier positif ou nul.",
                        "Ligne 5 : COURT_DECISIONS ne compte pas des personnes : son sexe et sa tranche d’âge doivent"
                                + " être ALL.");
        assertThat(uploadProblems("measure,count\nPERSONS_CONVICTED,3\n", "fr"))
                .containsExactly("Les colonnes doivent être measure,sex,age_group,form,count ; le fichier a"
                        + " measure,count.");
        assertThat(uploadProblems(
                        "measure,sex,age_group,form,count\nPERSONS_CONVICTED,MALE,ADULT,ALL,3\n"
                                + "CUSTODIAL_SENTENCES,MALE,ADULT,ALL,5\n",
                        "de"))
                .containsExactly("Die Datei zählt 5 Freiheitsstrafen, aber 3 verurteilte Personen: Eine Strafe folgt"
                        + " auf eine Verurteilung.");

        assertThat(uploadProblems(bad, null))
                .containsExactly(
                        "Line 2: the count \"-2\" is not a whole number of zero or more.",
                        "Line 3: the measure \"ARRESTS\" is not one of COURT_DECISIONS, PERSONS_CONVICTED,"
                                + " CUSTODIAL_SENTENCES.",
                        "Line 4: the sex \"WOMEN\" is not one of FEMALE, MALE, UNKNOWN, ALL; the count \"x\" is not a"
                                + " whole number of zero or more.",
                        "Line 5: COURT_DECISIONS does not count persons: its sex and age group must be ALL.");
        assertThat(stored()).isZero();
    }

    /** The problems the upload page lists for a file (in the language asked for; null: none asked for). */
    List<String> uploadProblems(String csv, String language) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/returns/agencies")
                .file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "courts.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .param("agency", "COURTS")
                .param("year", Integer.toString(year))
                .with(as(registrar))
                .with(csrf());
        if (language != null) {
            request.header("Accept-Language", language);
        }
        var page = org.opennrm.Pages.page(mvc, request, 400);
        // in the reader's language: not marked as English
        assertThat(page.select("#upload-problems li").eachAttr("lang")).isEmpty();
        return page.select("#upload-problems li").eachText();
    }

    @Test
    void wrongColumnsAndImpossibleCombinationsAreRefused() {
        assertThatThrownBy(() -> send(Agency.COURTS, year, "measure,count\nPERSONS_CONVICTED,3\n", null))
                .hasMessageContaining("The columns must be measure,sex,age_group,form,count");
        assertThatThrownBy(() -> send(
                        Agency.COURTS,
                        year,
                        "measure,sex,age_group,form,count\nPERSONS_CONVICTED,MALE,ADULT,ALL,3\n"
                                + "CUSTODIAL_SENTENCES,MALE,ADULT,ALL,5\n",
                        null))
                .hasMessageContaining("a sentence follows a conviction");
        assertThat(stored()).isZero();
    }

    @Test
    void approvedFiguresAreCorrectedOnlyAsANewVersionWithItsReason() {
        var first = send(Agency.COURTS, year, COURT_FIGURES, null);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.totals()).containsEntry("PERSONS_CONVICTED", 29L).containsEntry("COURT_DECISIONS", 40L);
        assertThatThrownBy(() -> SignedIn.as(registrar, () -> reports.approve(first.id())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        var approved = SignedIn.as(statistician, () -> reports.approve(first.id()));
        assertThat(approved.approved()).isTrue();

        assertThatThrownBy(() -> send(Agency.COURTS, year, COURT_FIGURES, null))
                .hasMessageContaining("approved already: a correction is a new version and needs its reason");
        var corrected = send(Agency.COURTS, year, COURT_FIGURES.replace(",17\n", ",18\n"), "a conviction entered late");

        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.reason()).isEqualTo("a conviction entered late");
        assertThat(corrected.approved()).isFalse();
        // the approved version is kept as it was
        assertThat(reports.find(first.id()).orElseThrow().totals()).containsEntry("PERSONS_CONVICTED", 29L);
        assertThatThrownBy(() -> jdbc.sql("update monitoring.return_agency_count set count = 0 where report_id = ?")
                        .param(first.id())
                        .update())
                .hasMessageContaining("agency counts are kept");
    }

    @Test
    void aJumpAgainstThePreviousYearIsFlaggedNotRefused() throws Exception {
        var last = send(Agency.COURTS, year - 1, COURT_FIGURES, null);
        SignedIn.as(statistician, () -> reports.approve(last.id()));

        var report = send(Agency.COURTS, year, COURT_FIGURES.replace(",40\n", ",95\n"), null);

        assertThat(report.flags()).containsExactly("COURT_DECISIONS: 95 against 40 in " + (year - 1));
        // the page words the jump in the reader's language, with the measure's label, never its code
        mvc.perform(get("/returns/agencies")
                        .param("year", String.valueOf(year))
                        .header("Accept-Language", "fr")
                        .with(as(statistician)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Décisions de justice : 95 contre 40 (" + (year - 1) + ")")))
                .andExpect(content().string(not(containsString("COURT_DECISIONS"))));
    }

    @Test
    void aStoredFlagIsReadBackAsTheJumpItWas() {
        var quarter = new AgencyReports.Jump("SUSPECTS", 40, 100, new AgencyPeriod(2024, 2));
        var year = new AgencyReports.Jump("PERSONS_CONVICTED", 1_234, 12, new AgencyPeriod(2023, null));

        assertThat(quarter.flag()).isEqualTo("SUSPECTS: 40 against 100 in 2024-Q2");
        assertThat(AgencyReports.Jump.read(quarter.flag())).contains(quarter);
        assertThat(AgencyReports.Jump.read(year.flag())).contains(year);
        assertThat(AgencyReports.Jump.read("something else")).isEmpty();
    }

    @Test
    void completenessFollowsWhoHasReported() {
        var before = SignedIn.as(statistician, () -> reports.completeness(EurostatReturn.ID, year));
        assertThat(before).extracting(AgencyReports.Completeness::reported).containsExactly(false, false, false);

        send(Agency.POLICE, year, "measure,sex,age_group,form,count\nSUSPECTS,MALE,ADULT,ALL,12\n", null);
        send(Agency.PROSECUTION, year, "measure,sex,age_group,form,count\nPERSONS_PROSECUTED,MALE,ADULT,ALL,9\n", null);
        var partial = SignedIn.as(statistician, () -> reports.completeness(EurostatReturn.ID, year));
        assertThat(partial).extracting(AgencyReports.Completeness::reported).containsExactly(true, true, false);

        send(Agency.COURTS, year, COURT_FIGURES, null);
        var complete = SignedIn.as(statistician, () -> reports.completeness(EurostatReturn.ID, year));
        assertThat(complete).allMatch(AgencyReports.Completeness::reported);
    }

    @Test
    void theApiTakesACsvBodyAndAnswersRefusalsAsProblems() throws Exception {
        mvc.perform(post("/api/v1/returns/agencies")
                        .param("agency", "COURTS")
                        .param("year", Integer.toString(year))
                        .contentType("text/csv")
                        .content("measure,sex,age_group,form,count\nPERSONS_CONVICTED,MALE,ADULT,ALL,x\n")
                        .with(as(registrar))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Line 2: the count")));
        mvc.perform(post("/api/v1/returns/agencies")
                        .param("agency", "COURTS")
                        .param("year", Integer.toString(year))
                        .contentType("text/csv")
                        .content(COURT_FIGURES)
                        .with(as(registrar))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.totals.PERSONS_CONVICTED").value(29));
    }

    /**
     * A file of 50,000 wrong lines is refused with its first problems and a count of the rest, by the API and on the
     * page in the reader's language (each line's words were once joined to the next one level deeper: the stack
     * overflowed and the answer was a 500).
     */
    @Test
    void aFileOfManyWrongLinesIsRefusedWithItsFirstProblemsAndACount() throws Exception {
        var csv = new StringBuilder("measure,sex,age_group,form,count\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("PERSONS_CONVICTED,MALE,ADULT,ALL,x\n");
        }
        mvc.perform(post("/api/v1/returns/agencies")
                        .param("agency", "COURTS")
                        .param("year", Integer.toString(year))
                        .contentType("text/csv")
                        .content(csv.toString())
                        .with(as(registrar))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Line 101: the count")))
                .andExpect(content().string(not(containsString("Line 102:"))))
                .andExpect(content().string(containsString("49900 more lines have problems too.")));
        var listed = uploadProblems(csv.toString(), "fr");
        // a value of the file is quoted by its first 40 characters
        var longValue = "measure,sex,age_group,form,count\nPERSONS_CONVICTED," + "M".repeat(100_000) + ",ADULT,ALL,1\n";
        assertThat(uploadProblems(longValue, null))
                .containsExactly(
                        "Line 2: the sex \"" + "M".repeat(40) + "…\" is not one of FEMALE, MALE, UNKNOWN, ALL.");
        assertThat(listed).hasSize(FileRefused.LISTED + 1);
        assertThat(listed.getLast()).contains("autres lignes ont aussi des problèmes");
        assertThat(stored()).isZero();
    }

    AgencyReports.Report sendQuarter(int quarter, String csv, String reason) {
        return SignedIn.as(
                registrar,
                () -> reports.submit(
                        Agency.COURTS, AgencyPeriod.quarter(year, quarter), new StringReader(csv), reason));
    }

    long storedQuarters() {
        return jdbc.sql("select count(*) from monitoring.return_agency_report where period_year = ? and period_quarter"
                        + " is not null")
                .param(year)
                .query(Long.class)
                .single();
    }

    @Test
    void aQuarterIsRefusedWholeOrStoredAsAVersionOfItsOwnPeriod() {
        String bad = COURT_FIGURES + "PERSONS_CONVICTED,MALE,ADULT,FORCED_LABOUR,-1\n";
        assertThatThrownBy(() -> sendQuarter(2, bad, null))
                .isInstanceOfSatisfying(AgencyUpload.Refused.class, refused -> assertThat(refused.problems)
                        .containsExactly("Line 7: the count \"-1\" is not a whole number of zero or more."));
        assertThat(storedQuarters()).isZero();

        var second = sendQuarter(2, COURT_FIGURES, null);
        assertThat(second.quarter()).isEqualTo(2);
        assertThat(second.period()).isEqualTo(year + "-Q2");
        assertThat(second.version()).isEqualTo(1);
        SignedIn.as(statistician, () -> reports.approve(second.id()));

        // the approved quarter is corrected only with a reason; the year and the other quarters are periods of their
        // own
        assertThatThrownBy(() -> sendQuarter(2, COURT_FIGURES, null))
                .isInstanceOfSatisfying(AgencyUpload.Refused.class, refused -> assertThat(refused.problems)
                        .containsExactly("The " + year + "-Q2 figures of this agency are approved already: a"
                                + " correction is a new version and needs its reason."));
        assertThat(sendQuarter(3, COURT_FIGURES, null).version()).isEqualTo(1);
        var whole = send(Agency.COURTS, year, COURT_FIGURES, null);
        assertThat(whole.quarter()).isNull();
        assertThat(whole.version()).isEqualTo(1);
        var corrected = sendQuarter(2, COURT_FIGURES.replace(",17\n", ",18\n"), "a conviction entered late");
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.totals()).containsEntry("PERSONS_CONVICTED", 30L);
        assertThat(reports.find(second.id()).orElseThrow().totals()).containsEntry("PERSONS_CONVICTED", 29L);
        assertThat(storedQuarters()).isEqualTo(3);
        // a quarter's jump is measured against the same quarter a year earlier, not against the year
        assertThat(corrected.flags()).isEmpty();
    }

    @Test
    void theApiAndThePageTakeAQuarterAsThePeriod() throws Exception {
        mvc.perform(post("/api/v1/returns/agencies")
                        .param("agency", "COURTS")
                        .param("period", year + "-Q5")
                        .contentType("text/csv")
                        .content(COURT_FIGURES)
                        .with(as(registrar))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("a quarter of it (2025-Q2)")));
        mvc.perform(post("/api/v1/returns/agencies")
                        .param("agency", "COURTS")
                        .param("period", year + "-Q1")
                        .contentType("text/csv")
                        .content("measure,count\nPERSONS_CONVICTED,3\n")
                        .with(as(registrar))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The columns must be measure,sex,age_group,form,count")));
        assertThat(storedQuarters()).isZero();
        mvc.perform(post("/api/v1/returns/agencies")
                        .param("agency", "COURTS")
                        .param("period", year + "-Q1")
                        .contentType("text/csv")
                        .content(COURT_FIGURES)
                        .with(as(registrar))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.year").value(year))
                .andExpect(jsonPath("$.quarter").value(1))
                .andExpect(jsonPath("$.totals.PERSONS_CONVICTED").value(29));

        var file = new org.springframework.mock.web.MockMultipartFile(
                "file", "courts.csv", "text/csv", COURT_FIGURES.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/returns/agencies")
                        .file(file)
                        .param("agency", "COURTS")
                        .param("year", Integer.toString(year))
                        .param("quarter", "4")
                        .with(as(registrar))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/returns/agencies")
                        .param("year", Integer.toString(year))
                        .with(as(registrar)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"quarter\"")))
                .andExpect(content().string(containsString("October to December " + year)))
                .andExpect(content().string(containsString("January to March " + year)));
        assertThat(storedQuarters()).isEqualTo(2);
    }

    @Test
    void aReturnByCalendarYearTakesTheSumOfTheYearsFourQuartersOnlyWhereNoYearIsApproved() {
        for (int quarter = 1; quarter <= 4; quarter++) {
            var sent = sendQuarter(quarter, COURT_FIGURES, null);
            SignedIn.as(statistician, () -> reports.approve(sent.id()));
        }
        var summed = SignedIn.as(statistician, () -> reports.approvedFor(EurostatReturn.ID, year))
                .get(2);
        assertThat(summed.agency()).isEqualTo(Agency.COURTS);
        assertThat(summed.quarterly()).isTrue();
        assertThat(summed.period()).isEqualTo(year + "-Q1 to " + year + "-Q4");
        assertThat(summed.lines())
                .filteredOn(line -> line.measure().equals("PERSONS_CONVICTED"))
                .extracting(AgencyReports.Line::count)
                .containsExactly(12L, 36L, 68L); // 3, 9 and 17 four times, ordered by sex, age group, form

        var whole = send(Agency.COURTS, year, COURT_FIGURES, null);
        SignedIn.as(statistician, () -> reports.approve(whole.id()));
        var yearly = SignedIn.as(statistician, () -> reports.approvedFor(EurostatReturn.ID, year))
                .get(2);
        assertThat(yearly.quarterly()).isFalse();
        assertThat(yearly.id()).isEqualTo(whole.id());
        assertThat(yearly.lines()).extracting(AgencyReports.Line::count).contains(17L);
    }
}
