package org.opennrm.cases.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationFixtures;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The HTCDS export page as a web slice ({@link PagesSlice}): the controller, the platform's security and the layout
 * run; the export is a stand-in. The web layer's part: the form offers the receivers and regions the export names, each
 * field with its label; the counts of a preview shown with the options chosen kept; options that cannot be met
 * explained in the reader's language before the export is asked anything; the download an attachment never kept; and
 * who is refused. What the file holds and the counts over the database are {@code HtcdsExportTests}'.
 */
@PagesSlice
class HtcdsExportSliceTests {

    static final UUID OFFICE = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    HtcdsExport export;

    Organisation receiver;

    @BeforeEach
    void aReceiverInTheNorth() {
        receiver = OrganisationFixtures.registered(
                OrganisationFixtures.organisation("Receiving Shelter", Sector.NGO, NrmRole.SERVICE_PROVIDER));
        when(export.receivers()).thenReturn(List.of(receiver));
        when(export.regions()).thenReturn(List.of("North Region"));
    }

    Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return org.opennrm.Pages.page(
                mvc, request.accept(MediaType.TEXT_HTML).with(as(Role.CASE_MANAGER, OFFICE)), status);
    }

    @Test
    void theFormOffersTheRegistrysOrganisationsAndRegionsWithALabelForEveryField() throws Exception {
        var page = page(get("/exports/htcds"), 200);

        assertThat(page.select("h1").text()).isEqualTo("HTCDS export of cases");
        assertThat(page.select("#receiver option").eachText()).contains("Receiving Shelter");
        assertThat(page.select("#receiver option").eachAttr("value"))
                .contains(receiver.id().toString());
        assertThat(page.select("#region option").eachAttr("value")).contains("North Region");
        assertThat(page.select("#summary")).isEmpty();
        assertThat(page.select("#export-form input, #export-form select")).isNotEmpty();
        for (var field : page.select("#export-form input, #export-form select")) {
            assertThat(page.select("label[for=" + field.id() + "]"))
                    .as(field.id())
                    .hasSize(1);
        }
        verify(export, never()).preview(any());
    }

    @Test
    void aPreviewShowsHowManyCasesTheFileHoldsAndHowManyWereLeftOutAndWhyWithTheOptionsKept() throws Exception {
        var asked = ArgumentCaptor.forClass(HtcdsExportRequest.class);
        when(export.preview(asked.capture())).thenReturn(new HtcdsExportSummary(5, 1, 1, 2, 1));

        var page = page(
                get("/exports/htcds")
                        .param("receiver", receiver.id().toString())
                        .param("region", "North Region")
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
                .contains("format=csv", "identity=true", "receiver=" + receiver.id());
        assertThat(asked.getValue().identity()).isTrue();
        assertThat(asked.getValue().format()).isEqualTo(HtcdsFormat.CSV);
    }

    @Test
    void theDownloadIsTheFileAsAnAttachmentNeverKept() throws Exception {
        var asked = ArgumentCaptor.forClass(HtcdsExportRequest.class);
        doAnswer(call -> {
                    var summary = new HtcdsExportSummary(2, 2, 0, 0, 0);
                    try (var out = call.<HtcdsExport.Destination>getArgument(1).open(summary)) {
                        out.write("case_id,gender\nP-1,Feminine\nP-2,Masculine\n".getBytes(StandardCharsets.UTF_8));
                    }
                    return summary;
                })
                .when(export)
                .export(asked.capture(), any());

        var response = mvc.perform(get("/exports/htcds/download")
                        .param("receiver", receiver.id().toString())
                        .param("region", "North Region")
                        .param("format", "csv")
                        .param("identity", "false")
                        .with(as(Role.COORDINATOR, OFFICE)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("htcds-cases-2026-04-01-pseudonymous.csv");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("case_id,gender\nP-1,Feminine\nP-2,Masculine\n");
        assertThat(asked.getValue().identity()).isFalse();
    }

    @Test
    void optionsThatCannotBeMetAreExplainedOnThePageInTheReadersLanguage() throws Exception {
        var english = page(
                get("/exports/htcds")
                        .param("receiver", receiver.id().toString())
                        .param("from", "2026-03-01")
                        .param("to", "2026-02-01")
                        .param("preview", "1"),
                400);
        assertThat(english.select("#export-error").text()).isEqualTo("The period of referral ends before it starts.");
        assertThat(english.select("#summary")).isEmpty();
        assertThat(english.select("#from").attr("value")).isEqualTo("2026-03-01");
        assertThat(english.select("#receiver option").eachText()).contains("Receiving Shelter");

        var french = page(get("/exports/htcds/download").param("preview", "1").param("lang", "fr"), 400);
        assertThat(french.select("#export-error").text()).startsWith("Choisissez l’organisation destinataire");
        verify(export, never()).preview(any());
        verify(export, never()).export(any(), any());
    }

    @Test
    void theServiceProviderIsRefusedThePageAndTheDownload() throws Exception {
        mvc.perform(get("/exports/htcds").accept(MediaType.TEXT_HTML).with(as(Role.SERVICE_PROVIDER, receiver.id())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/exports/htcds/download")
                        .param("receiver", receiver.id().toString())
                        .param("format", "csv")
                        .param("identity", "true")
                        .with(as(Role.SERVICE_PROVIDER, receiver.id())))
                .andExpect(status().isForbidden());
        verify(export, never()).export(any(), any());
    }
}
