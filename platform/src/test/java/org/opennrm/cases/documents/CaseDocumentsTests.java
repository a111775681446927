package org.opennrm.cases.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.RecordNotFound;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.Erasure;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Documents of a case: kept encrypted in parts (neither the bytes nor the name are anywhere in clear in the
 * database), downloaded whole and unchanged, each list and each download logged as a read of the case first, read
 * only by those who read the case page, refused with the reason when too large, empty, of a forbidden type or not
 * what their name says (and then nothing is written), and emptied by erasure.
 */
@PlatformTest
class CaseDocumentsTests {

    @Autowired
    CaseDocuments documents;

    @Autowired
    CaseManagement cases;

    @Autowired
    Erasure erasure;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    UUID office;
    UUID inspectorate;
    CaseId caseId;

    @BeforeEach
    void aCase() {
        inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        caseId = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)))
                .caseId();
    }

    @Test
    void aDocumentOfSeveralPartsIsStoredEncryptedAndDownloadedWholeAfterTheReadIsLogged() {
        // a PDF of a little more than two parts, whose text would show in a dump if it were kept in clear
        byte[] pdf = pdfOf(2 * CaseDocuments.PART_BYTES + 1000, "Signed by Oksana Partsova");
        var saved = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> documents.upload(
                        caseId,
                        new NewDocument(
                                DocumentKind.CONSENT_FORM,
                                "Signed at the shelter",
                                "C:\\scans\\consent Partsova.pdf",
                                pdf)));
        assertThat(saved.type()).isEqualTo(DocumentType.PDF);
        assertThat(saved.fileName())
                .as("the folders a browser sends are dropped")
                .isEqualTo("consent Partsova.pdf");
        assertThat(saved.toString()).doesNotContain("Partsova");

        var parts = jdbc.sql("select content from cases.case_document_part where document_id = :id order by position")
                .param("id", saved.id())
                .query(String.class)
                .list();
        assertThat(parts).hasSize(3);
        String pdfAsBase64 = java.util.Base64.getEncoder().encodeToString(Arrays.copyOf(pdf, 300));
        assertThat(String.join("", parts)).doesNotContain("Partsova").doesNotContain(pdfAsBase64.substring(0, 40));
        var row = jdbc.sql("select file_name, description from cases.case_document where id = :id")
                .param("id", saved.id())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .single();
        assertThat(row).doesNotContain("Partsova").doesNotContain("shelter");

        long before = reads("documents");
        var listed = SignedIn.as(Role.IDENTIFICATION_OFFICER, office, () -> documents.of(caseId));
        assertThat(reads("documents")).isEqualTo(before + 1);
        assertThat(listed).singleElement().satisfies(document -> {
            assertThat(document.fileName()).isEqualTo("consent Partsova.pdf");
            assertThat(document.description()).isEqualTo("Signed at the shelter");
            assertThat(document.sizeBytes()).isEqualTo(pdf.length);
            assertThat(document.erased()).isFalse();
        });

        long downloadsBefore = reads("document " + saved.id());
        var downloaded = SignedIn.as(Role.CASE_MANAGER, office, () -> documents.download(caseId, saved.id()));
        assertThat(reads("document " + saved.id())).isEqualTo(downloadsBefore + 1);
        assertThat(downloaded.bytes()).isEqualTo(pdf);
        assertThat(downloaded.type()).isEqualTo(DocumentType.PDF);
        assertThat(downloaded.fileName()).isEqualTo("consent Partsova.pdf");
    }

    @Test
    void refusedUploadsSayWhyAndWriteNothing() {
        long before = documentsOfCase();
        assertRefused(
                new NewDocument(DocumentKind.EVIDENCE, null, "photo.pdf", ContentCheckTests.PNG),
                "caseDocument.file.contentNotName");
        assertRefused(
                new NewDocument(DocumentKind.EVIDENCE, null, "page.html", "<html></html>".getBytes()),
                "caseDocument.file.typeNotAllowed");
        assertRefused(
                new NewDocument(DocumentKind.EVIDENCE, null, "big.pdf", pdfOf(CaseDocuments.MAX_BYTES + 1, "x")),
                "caseDocument.file.tooLarge");
        assertRefused(
                new NewDocument(DocumentKind.EVIDENCE, null, "empty.pdf", new byte[0]), "caseDocument.file.empty");
        assertRefused(new NewDocument(DocumentKind.EVIDENCE, null, null, null), "caseDocument.file.required");
        assertRefused(new NewDocument(null, null, "consent.pdf", ContentCheckTests.PDF), "caseDocument.kind.required");
        assertThat(documentsOfCase()).isEqualTo(before);
    }

    @Test
    void onlyThoseWhoReadTheCasePageReadItsDocumentsAndOnlyCaseWorkersUpload() {
        var saved = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> documents.upload(
                        caseId, new NewDocument(DocumentKind.EVIDENCE, null, "scan.png", ContentCheckTests.PNG)));
        assertThatThrownBy(() -> SignedIn.as(Role.SERVICE_PROVIDER, office, () -> documents.of(caseId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedIn.as(Role.REFERRER, inspectorate, () -> documents.download(caseId, saved.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedIn.as(
                        Role.IDENTIFICATION_OFFICER,
                        office,
                        () -> documents.upload(
                                caseId,
                                new NewDocument(DocumentKind.EVIDENCE, null, "scan.png", ContentCheckTests.PNG))))
                .isInstanceOf(AccessDeniedException.class);
        // a guardian reads the documents of their own child's case only; any other case does not exist for them
        var guardian = accounts.all().stream()
                .filter(account -> account.roles().contains(Role.GUARDIAN))
                .findFirst()
                .orElseThrow();
        var guardianActor = TestSignIn.actorOf(guardian);
        assertThatThrownBy(() -> SignedIn.as(guardianActor, () -> documents.download(caseId, saved.id())))
                .isInstanceOf(RecordNotFound.class);
        var child = SignedIn.as(
                        Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.childReferral(guardian.id())))
                .caseId();
        var childsDocument = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> documents.upload(
                        child, new NewDocument(DocumentKind.CONSENT_FORM, null, "consent.pdf", ContentCheckTests.PDF)));
        assertThat(SignedIn.as(guardianActor, () -> documents.download(child, childsDocument.id()))
                        .bytes())
                .isEqualTo(ContentCheckTests.PDF);
        // a document is read through its own case only
        assertThatThrownBy(() ->
                        SignedIn.as(Role.CASE_MANAGER, office, () -> documents.download(caseId, childsDocument.id())))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    void erasureEmptiesTheNameTheDescriptionAndTheBytes() {
        var saved = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> documents.upload(
                        caseId,
                        new NewDocument(
                                DocumentKind.INTERVIEW_NOTES,
                                "First interview",
                                "interview.txt",
                                "She was recruited through a chat group.".getBytes(StandardCharsets.UTF_8))));
        SignedIn.as(Role.COORDINATOR, office, () -> erasure.erase(caseId));

        assertThat(jdbc.sql(
                                "select count(*) from cases.case_document_part where document_id = :id and content is not null")
                        .param("id", saved.id())
                        .query(Long.class)
                        .single())
                .isZero();
        var listed = SignedIn.as(Role.CASE_MANAGER, office, () -> documents.of(caseId));
        assertThat(listed).singleElement().satisfies(document -> {
            assertThat(document.erased()).isTrue();
            assertThat(document.fileName()).isEmpty();
            assertThat(document.description()).isNull();
        });
        assertThatThrownBy(() -> SignedIn.as(Role.CASE_MANAGER, office, () -> documents.download(caseId, saved.id())))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    void aFileIsStoredAsWhatItsBytesAreAndDownloadedAsThat() throws Exception {
        mvc.perform(multipart("/cases/{id}/documents", caseId.value())
                        // the browser's word for the type is not taken: this one is a PDF whatever it says
                        .file(new MockMultipartFile("file", "consent.pdf", "text/html", ContentCheckTests.PDF))
                        .param("kind", "CONSENT_FORM")
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().is3xxRedirection());
        var stored = SignedIn.as(Role.CASE_MANAGER, office, () -> documents.of(caseId))
                .getFirst();
        mvc.perform(get("/cases/{id}/documents/{document}", caseId.value(), stored.id())
                        .with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes(ContentCheckTests.PDF));
    }

    private void assertRefused(NewDocument document, String reason) {
        assertThatThrownBy(() -> SignedIn.as(Role.CASE_MANAGER, office, () -> documents.upload(caseId, document)))
                .isInstanceOfSatisfying(
                        CaseRuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo(reason));
    }

    /** A PDF of the given size whose first line holds the text. */
    static byte[] pdfOf(int size, String text) {
        byte[] head = ("%PDF-1.4\n% " + text + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = new byte[size];
        Arrays.fill(pdf, (byte) ' ');
        System.arraycopy(head, 0, pdf, 0, head.length);
        return pdf;
    }

    private long reads(String detail) {
        return jdbc.sql("""
                        select count(*) from access.audit_entry
                        where record_type = 'case' and record_id = :id and action = 'READ' and detail = :detail""")
                .param("id", caseId.toString())
                .param("detail", detail)
                .query(Long.class)
                .single();
    }

    private long documentsOfCase() {
        return jdbc.sql("select count(*) from cases.case_document where case_id = :id")
                .param("id", caseId.value())
                .query(Long.class)
                .single();
    }
}
