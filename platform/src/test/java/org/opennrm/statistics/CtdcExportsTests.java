package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The CTDC export wired end to end: from the facts of one year, a k-anonymous file in CTDC's layout that only a
 * statistician downloads, every download audited with its number of rows, and a preview with the shares by
 * CTDC's denominator rule. The class has a database of its own, whose facts each test writes afresh.
 */
@PlatformTest
@DatabaseOfItsOwn
// its own database needs no demo installation: its actors are made by the tests
@org.springframework.test.context.TestPropertySource(properties = "opennrm.demo.enabled=false")
class CtdcExportsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    final UUID organisation = UUID.randomUUID();
    int year;

    @BeforeEach
    void year() {
        year = 2025;
        jdbc.sql("truncate statistics.fact").update();
    }

    void referrals(int count, String sex, String ageBand, Set<String> forms, Set<String> methods) {
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(year, 3))
                    .origin(null, "POLICE")
                    .person(sex, ageBand, false, "MDA")
                    .exploitationForms(forms)
                    .profile(methods, Set.of(), null, Set.of())
                    .build());
        }
    }

    /** 30 alike, 12 alike, 1 like those 12 but for one rare means of control, and 1 unlike anyone. */
    void registrations() {
        referrals(30, "FEMININE", "18-20", Set.of("SEXUAL_EXPLOITATION"), Set.of());
        referrals(12, "MASCULINE", "30-38", Set.of("FORCED_LABOUR"), Set.of("DEBT_BONDAGE"));
        referrals(1, "MASCULINE", "30-38", Set.of("FORCED_LABOUR"), Set.of("DEBT_BONDAGE", "PSYCHOACTIVE_SUBSTANCE"));
        referrals(1, "NON_CONFORMING", "48+", Set.of("ORGAN_REMOVAL"), Set.of());
    }

    @Test
    void theFileIsKAnonymousOverAll27VariablesAndReportsWhatItChanged() throws Exception {
        registrations();

        var response = mvc.perform(get("/api/v1/statistics/ctdc/records")
                        .param("from", String.valueOf(year))
                        .param("to", String.valueOf(year))
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                // the rare means of control makes that person's means unknown as a whole (never one flag alone), and
                // the person then shares their values with nobody: left out, like the one unlike anyone
                .andExpect(header().string("X-Records-Generalised", "0"))
                .andExpect(header().string("X-Records-Suppressed", "2"))
                .andReturn()
                .getResponse();

        List<String> lines = Arrays.asList(
                response.getContentAsString(StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.getFirst().split(",")).hasSize(27).startsWith("yearOfRegistration", "gender", "ageBroad");
        List<String> records = lines.subList(1, lines.size());
        assertThat(records).hasSize(42);
        Map<String, Integer> combinations = new HashMap<>();
        records.forEach(line -> combinations.merge(line, 1, Integer::sum));
        assertThat(combinations.values()).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(11));
        assertThat(records).allSatisfy(line -> assertThat(line.split(",")).hasSize(27));
        assertThat(String.join("\n", records)).doesNotContain("48+").contains("Woman", "Man", "18--20", "NULL");
    }

    /** The header of CTDC_global_synthetic_data_v2025.csv, as ../shared/data/ctdc/VARIABLES.md gives it. */
    static final String HEADER_2025 = "yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation,"
            + "traffickMonths,meansDebtBondageEarnings,meansThreats,meansAbusePsyPhySex,meansFalsePromises,"
            + "meansDrugsAlcohol,meansDenyBasicNeeds,meansExcessiveWorkHours,meansWithholdDocs,isForcedLabour,"
            + "isSexualExploit,isOtherExploit,sectorOfLabourAgriculture,sectorOfLabourConstruction,"
            + "sectorOfLabourDomesticWork,sectorOfLabourHospitality,sectorOfSexProstitution,sectorOfSexPornography,"
            + "recruiterRelationIntimatePartner,recruiterRelationFriend,recruiterRelationFamily,recruiterRelationOther";

    String download(String naming) throws Exception {
        var request = get("/api/v1/statistics/ctdc/records")
                .param("from", String.valueOf(year))
                .param("to", String.valueOf(year))
                .with(as(Role.STATISTICIAN, organisation));
        if (naming != null) {
            request = request.param("naming", naming);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theHeaderIsCtdcsOwnForTheCurrentReleaseOrThe2024OneAndChildrenAre09To17() throws Exception {
        for (int i = 0; i < 12; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(year, 3))
                    .person("FEMININE", "9-17", true, "MDA")
                    .exploitationForms(Set.of("SEXUAL_EXPLOITATION"))
                    .build());
        }

        var current = download(null).split("\r\n");
        assertThat(current[0]).isEqualTo(HEADER_2025);
        assertThat(current[1]).startsWith(year + ",Woman,09--17,MDA,");
        assertThat(download("2025").split("\r\n")[0]).isEqualTo(HEADER_2025);
        assertThat(download("2024").split("\r\n")[0])
                .isEqualTo(HEADER_2025.replace("sectorOfLabour", "typeOfLabour").replace("sectorOfSex", "typeOfSex"));
        mvc.perform(get("/api/v1/statistics/ctdc/records")
                        .param("naming", "2023")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void everyDownloadIsAuditedWithItsRows() throws Exception {
        registrations();

        String exportId = mvc.perform(get("/statistics/ctdc/download")
                        .param("from", String.valueOf(year))
                        .param("to", String.valueOf(year))
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("X-Export-Id");

        String detail = jdbc.sql("select action || ' ' || detail from access.audit_entry"
                        + " where record_type = 'ctdc-export' and record_id = ?")
                .param(exportId)
                .query(String.class)
                .single();
        assertThat(detail).isEqualTo("EXPORT rows=42 k=11 generalised=0 suppressed=2");
    }

    @Test
    void thePreviewGivesSharesByTheDenominatorRuleOfWhatIsPublished() throws Exception {
        registrations();

        mvc.perform(get("/api/v1/statistics/ctdc")
                        .param("from", String.valueOf(year))
                        .param("to", String.valueOf(year))
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(44))
                .andExpect(jsonPath("$.published").value(42))
                .andExpect(jsonPath("$.suppressed").value(2))
                // no flag is published changed: the rare means left the person out instead
                .andExpect(jsonPath("$.generalisedValues.meansDrugsAlcohol").doesNotExist())
                .andExpect(
                        jsonPath("$.shares[?(@.group == 'FORMS')].denominator").value(42))
                // 12 of the 42 with a form were in forced labour, 30 in sexual exploitation
                .andExpect(jsonPath("$.shares[?(@.group == 'FORMS')].shares.isForcedLabour")
                        .value(12 / 42.0))
                .andExpect(
                        jsonPath("$.shares[?(@.group == 'MEANS')].denominator").value(12));
    }

    @Test
    void aCoordinatorSeesThePreviewButCannotDownloadTheFile() throws Exception {
        registrations();

        mvc.perform(get("/statistics/ctdc")
                        .param("from", String.valueOf(year))
                        .param("to", String.valueOf(year))
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ctdc-counts\"")))
                .andExpect(content().string(not(containsString("id=\"ctdc-download\""))));
        mvc.perform(get("/statistics/ctdc/download").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/statistics/ctdc")
                        .param("from", String.valueOf(year))
                        .param("to", String.valueOf(year))
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ctdc-download\"")));
    }

    @Test
    void referralsOfPersonsWhoDidNotAgreeToStatisticsAreLeftOut() throws Exception {
        registrations();
        for (int i = 0; i < 15; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(year, 3))
                    .origin(null, "POLICE")
                    .person("FEMININE", "18-20", false, "MDA")
                    .exploitationForms(Set.of("SEXUAL_EXPLOITATION"))
                    .profile(Set.of(), Set.of(), null, Set.of())
                    .statisticsConsent(false)
                    .build());
        }

        mvc.perform(get("/api/v1/statistics/ctdc")
                        .param("from", String.valueOf(year))
                        .param("to", String.valueOf(year))
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withoutConsent").value(15))
                .andExpect(jsonPath("$.registered").value(44))
                .andExpect(jsonPath("$.published").value(42));
        mvc.perform(get("/statistics/ctdc")
                        .param("from", String.valueOf(year))
                        .param("to", String.valueOf(year))
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(content().string(containsString("15 referrals are left out")));
    }

    @Test
    void aRefusedPreviewOrDownloadIsExplainedInTheReadersLanguage() throws Exception {
        mvc.perform(get("/statistics/ctdc")
                        .param("k", "5000")
                        .header("Accept-Language", "fr")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"ctdc-problem\"")))
                .andExpect(content().string(containsString("<span>k vaut au plus 1000.</span>")));
        mvc.perform(get("/statistics/ctdc")
                        .param("from", "2026")
                        .param("to", "2025")
                        .header("Accept-Language", "fr")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span>La période commence après sa fin.</span>")));
        mvc.perform(get("/statistics/ctdc/download")
                        .param("from", "l’an dernier")
                        .header("Accept-Language", "fr")
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string("Une année est un nombre entier."));
        mvc.perform(get("/statistics/ctdc").param("k", "5000").with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span>k is at most 1000.</span>")));
        mvc.perform(get("/statistics/ctdc/download").param("naming", "2023").with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string("The CTDC naming is that of the 2025 or the 2024 release."));
    }

    @Test
    void kCannotBeLoweredBelowTheInstallationsValue() throws Exception {
        mvc.perform(get("/api/v1/statistics/ctdc/records").param("k", "3").with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail", containsString("11")));
        long exports = jdbc.sql("select count(*) from access.audit_entry where record_type = 'ctdc-export'"
                        + " and detail like '% k=3 %'")
                .query(Long.class)
                .single();
        assertThat(exports).isZero();
    }
}
