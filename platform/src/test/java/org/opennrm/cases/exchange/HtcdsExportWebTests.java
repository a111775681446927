package org.opennrm.cases.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.commons.csv.CSVFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseManagement;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The page of HTCDS exports: the form, the counts before downloading, the download, and options refused. */
@PlatformTest
class HtcdsExportWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Clock clock;

    HtcdsExportFixtures fixtures;

    @BeforeEach
    void fiveCases() {
        fixtures = new HtcdsExportFixtures(organisations, accounts, cases, clock);
    }

    Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        String html = mvc.perform(request.accept(MediaType.TEXT_HTML).with(as(Role.CASE_MANAGER, fixtures.office)))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    @Test
    void theFormOffersTheRegistrysOrganisationsAndRegionsWithALabelForEveryField() throws Exception {
        var page = page(get("/exports/htcds"), 200);

        assertThat(page.select("h1").text()).isEqualTo("HTCDS export of cases");
        assertThat(page.select("#receiver option").eachText()).contains("Receiving Shelter " + fixtures.tag);
        assertThat(page.select("#region option").eachAttr("value")).contains(fixtures.region);
        assertThat(page.select("#summary")).isEmpty();
        for (var field : page.select("#export-form input, #export-form select")) {
            assertThat(page.select("label[for=" + field.id() + "]"))
                    .as(field.id())
                    .hasSize(1);
        }
    }

    @Test
    void countingShowsHowManyCasesTheFileHoldsAndHowManyWereLeftOutAndWhy() throws Exception {
        var page = page(
                get("/exports/htcds")
                        .param("receiver", fixtures.receiver.toString())
                        .param("region", fixtures.region)
                        .param("format", "csv")
                        .param("identity", "true")
                        .param("preview", "1"),
                200);

        assertThat(page.select("#matching").text()).isEqualTo("5");
        assertThat(page.select("#included").text()).isEqualTo("1");
        assertThat(page.select("#left-out-withdrawn").text()).isEqualTo("1");
        assertThat(page.select("#left-out-no-consent").text()).isEqualTo("2");
        assertThat(page.select("#left-out-closed").text()).isEqualTo("1");
        assertThat(page.select("#identity").hasAttr("checked")).isTrue();
        assertThat(page.select("#format-csv").hasAttr("checked")).isTrue();
        assertThat(page.select("#download").attr("href"))
                .startsWith("/exports/htcds/download?")
                .contains("format=csv", "identity=true", "receiver=" + fixtures.receiver);
        for (String name : fixtures.names()) {
            assertThat(page.html()).doesNotContain(name);
        }
    }

    @Test
    void theDownloadIsTheFileAsAnAttachment() throws Exception {
        var response = mvc.perform(get("/exports/htcds/download")
                        .param("receiver", fixtures.receiver.toString())
                        .param("region", fixtures.region)
                        .param("format", "csv")
                        .param("identity", "false")
                        .with(as(Role.COORDINATOR, fixtures.office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("-pseudonymous.csv");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)))) {
            assertThat(parser.getRecords()).hasSize(5);
        }
    }

    @Test
    void optionsThatCannotBeMetAreExplainedOnThePageInTheReadersLanguage() throws Exception {
        var english = page(
                get("/exports/htcds")
                        .param("receiver", fixtures.receiver.toString())
                        .param("from", "2026-03-01")
                        .param("to", "2026-02-01")
                        .param("preview", "1"),
                400);
        assertThat(english.select("#export-error").text()).isEqualTo("The period of referral ends before it starts.");
        assertThat(english.select("#summary")).isEmpty();
        assertThat(english.select("#from").attr("value")).isEqualTo("2026-03-01");

        var french = page(get("/exports/htcds/download").param("preview", "1").param("lang", "fr"), 400);
        assertThat(french.select("#export-error").text()).startsWith("Choisissez l’organisation destinataire");
    }

    @Test
    void theServiceProviderIsRefusedThePage() throws Exception {
        mvc.perform(get("/exports/htcds")
                        .accept(MediaType.TEXT_HTML)
                        .with(as(Role.SERVICE_PROVIDER, fixtures.receiver)))
                .andExpect(status().isForbidden());
    }
}
