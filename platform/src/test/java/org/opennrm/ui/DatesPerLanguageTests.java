package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Dates are written as each language writes them: 2026-12-06, 06/12/2026 or 06.12.2026. */
@PlatformTest
class DatesPerLanguageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    Clock clock;

    @ParameterizedTest
    @CsvSource({"en,yyyy-MM-dd", "fr,dd/MM/yyyy", "de,dd.MM.yyyy", "it,dd/MM/yyyy", "ru,dd.MM.yyyy", "es,dd/MM/yyyy"})
    void theCaseListWritesTheDateOfReferralInTheLanguageOfThePage(String language, String pattern) throws Exception {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)));
        var actor = jdbc.sql("select id, organisation_id from access.account where username = 'casemanager'")
                .query((rs, n) -> TestSignIn.actorOf(
                        rs.getObject("id", UUID.class), Role.CASE_MANAGER, rs.getObject("organisation_id", UUID.class)))
                .single();

        var page = mvc.perform(
                        get("/cases").locale(Locale.forLanguageTag(language)).with(TestSignIn.as(actor)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        var table = Jsoup.parse(page).select("table").text();
        var today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        var written = DateTimeFormatter.ofPattern(pattern).format(today);
        var yesterday = DateTimeFormatter.ofPattern(pattern).format(today.minusDays(1));
        assertThat(table).containsAnyOf(written, yesterday);
        if (!language.equals("en")) {
            assertThat(table).doesNotContain(today.toString());
        }
    }
}
