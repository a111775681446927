package org.opennrm.cases.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.documents.CaseDocuments;
import org.opennrm.cases.documents.DocumentContent;
import org.opennrm.cases.documents.DocumentKind;
import org.opennrm.cases.documents.DocumentType;
import org.opennrm.cases.documents.NewDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A case's documents as a web slice ({@link PagesSlice}); the case documents are a stand-in. The web layer's part: an
 * upload refused by the content check comes back on the page with the reason and the kind and description typed, a
 * kind that does not exist is a bad request that reaches nothing, and a download is always an attachment, never kept
 * and never sniffed. That the type comes from the bytes, and the storage and logged reads, are
 * {@code CaseDocumentsTests}'.
 */
@PagesSlice
class CaseDocumentsSliceTests {

    static final UUID OFFICE = UUID.randomUUID();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseDocuments documents;

    final CaseId caseId = CaseId.of(UUID.randomUUID());

    @Test
    void aRefusedUploadOnThePageKeepsTheKindAndDescriptionAndSaysWhy() throws Exception {
        doThrow(new CaseRuleViolation("caseDocument.file.contentNotName", "The content is not what the name says."))
                .when(documents)
                .upload(eq(caseId), any());

        mvc.perform(multipart("/cases/{id}/documents", caseId.value())
                        .file(new MockMultipartFile("file", "consent.pdf", "application/pdf", PDF))
                        .param("kind", "CONSENT_FORM")
                        .param("description", "Signed on arrival")
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"document-refused\"")))
                .andExpect(content().string(containsString("not what its name says")))
                .andExpect(content().string(containsString("Signed on arrival")))
                .andExpect(content().string(containsString("value=\"CONSENT_FORM\" selected")));
        // the file as sent: its name and its bytes, whatever the browser called its type
        var sent = ArgumentCaptor.forClass(NewDocument.class);
        verify(documents).upload(eq(caseId), sent.capture());
        org.assertj.core.api.Assertions.assertThat(sent.getValue().kind()).isEqualTo(DocumentKind.CONSENT_FORM);
        org.assertj.core.api.Assertions.assertThat(sent.getValue().fileName()).isEqualTo("consent.pdf");
        org.assertj.core.api.Assertions.assertThat(sent.getValue().content()).isEqualTo(PDF);
    }

    @Test
    void aKindThatDoesNotExistIsABadRequestAndOnlyCaseWorkersUpload() throws Exception {
        mvc.perform(multipart("/cases/{id}/documents", caseId.value())
                        .param("kind", "NOT_A_KIND")
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/cases/{id}/documents", caseId.value())
                        .file(new MockMultipartFile("file", "consent.pdf", "application/pdf", PDF))
                        .param("kind", "CONSENT_FORM")
                        .with(csrf())
                        .with(as(Role.IDENTIFICATION_OFFICER, OFFICE)))
                .andExpect(status().isForbidden());
        verify(documents, never()).upload(any(), any());
    }

    @Test
    void aDownloadIsAnAttachmentNeverKeptNorSniffed() throws Exception {
        var document = UUID.randomUUID();
        when(documents.download(caseId, document))
                .thenReturn(new DocumentContent("consent.pdf", DocumentType.PDF, PDF));

        mvc.perform(get("/cases/{id}/documents/{document}", caseId.value(), document)
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("consent.pdf")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PDF));
    }
}
