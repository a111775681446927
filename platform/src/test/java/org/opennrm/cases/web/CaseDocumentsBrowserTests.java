package org.opennrm.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.Browser;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.SharingScope;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.documents.CaseDocuments;
import org.opennrm.cases.documents.DocumentKind;
import org.opennrm.cases.documents.NewDocument;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.referrals.ServiceReferralRequest;
import org.opennrm.referrals.ServiceReferrals;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A case manager uploads a signed consent form to a case, on a phone and at a desk: a picture named as a PDF is
 * refused with the reason and the description typed is kept; the real form is listed with its kind and downloaded
 * as the same bytes, as an attachment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseDocumentsBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    static final String PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    CaseDocuments documents;

    @Autowired
    ServiceReferrals referrals;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    @Test
    void aConsentFormIsUploadedListedAndDownloadedOnAPhone() throws Exception {
        uploadListAndDownload(Browser.phone(port), "phone");
    }

    @Test
    void aConsentFormIsUploadedListedAndDownloadedAtADesk() throws Exception {
        uploadListAndDownload(Browser.open(port), "desktop");
    }

    /**
     * A shelter reads a case's documents only through a referral that shares them: a referral sharing the name alone
     * shows no documents and its download address answers "not found"; one that shares documents lists the form and
     * hands over its bytes, logged as a shared read of the case.
     */
    @Test
    void theShelterReadsADocumentOnlyThroughAReferralThatSharesDocuments() throws Exception {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        var office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        var opened = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)));
        var document = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> documents.upload(
                        opened.caseId(),
                        new NewDocument(
                                DocumentKind.CONSENT_FORM,
                                "Signed at intake",
                                "shared-consent.pdf",
                                PDF.getBytes(StandardCharsets.US_ASCII))));
        var nameOnly = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> referrals.send(
                        opened.caseId(),
                        new ServiceReferralRequest(
                                shelter, "Safe accommodation", Set.of(SharingScope.IDENTITY_BASIC), null, null, null)));
        var withDocuments = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> referrals.send(
                        opened.caseId(),
                        new ServiceReferralRequest(
                                shelter,
                                "Legal counselling with the signed consent",
                                Set.of(SharingScope.IDENTITY_BASIC, SharingScope.DOCUMENTS),
                                null,
                                null,
                                null)));

        try (var browser = Browser.phone(port)) {
            browser.signIn("shelter", PASSWORD, null);
            browser.go("/services/referrals/" + nameOnly.id()).waitFor(By.id("shared-case"));
            // the person's languages in the reader's words, not as ISO codes
            assertThat(browser.textOf(By.id("shared-languages")))
                    .contains("Romanian")
                    .doesNotContain("ron");
            assertThat(browser.driver().findElements(By.id("shared-documents"))).isEmpty();
            assertThat(fetch(browser, "/services/referrals/" + nameOnly.id() + "/documents/" + document.id())
                            .get("status"))
                    .isEqualTo(404L);

            browser.go("/services/referrals/" + withDocuments.id()).waitFor(By.id("shared-documents"));
            assertThat(browser.textOf(By.id("shared-documents"))).contains("Signed consent form", "shared-consent.pdf");
            browser.screenshot("documents-03-shared-with-shelter-phone");
            String href = browser.driver()
                    .findElement(By.cssSelector("#shared-documents a.shared-document"))
                    .getAttribute("href");
            var answer = fetch(browser, href);
            assertThat(answer.get("status")).isEqualTo(200L);
            assertThat((String) answer.get("disposition")).startsWith("attachment");
            assertThat(answer.get("body")).isEqualTo(PDF);
        }
        assertThat(jdbc.sql("""
                        select count(*) from access.audit_entry
                        where action = 'READ' and record_id = :case and detail = :detail""")
                        .param("case", opened.caseId().value().toString())
                        .param("detail", "shared document " + document.id())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    /** What the browser gets when it fetches an address with its own session, as a click on a link would. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(Browser browser, String address) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => done({status: r.status,
                    type: r.headers.get('Content-Type'), disposition: r.headers.get('Content-Disposition'),
                    body: await r.text()}));""", address);
    }

    private void uploadListAndDownload(Browser browser, String size) throws Exception {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        var opened = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)));
        Path picture = Files.write(
                folder.resolve("consent-" + size + ".pdf"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path form = folder.resolve("signed-consent-" + size + ".pdf");
        Files.writeString(form, PDF, StandardCharsets.US_ASCII);

        try (browser) {
            browser.signIn("casemanager", PASSWORD, null);
            browser.go("/cases?q=" + opened.reference())
                    .click(By.linkText(opened.reference()))
                    .waitForText(opened.reference());
            browser.clickId("documents-link").waitFor(By.id("document-form"));
            assertThat(browser.text()).contains("No documents yet");

            browser.selectValue("kind", "CONSENT_FORM").type("description", "Signed at the shelter on arrival");
            browser.driver().findElement(By.id("file")).sendKeys(picture.toString());
            browser.submit("upload-document").waitFor(By.id("document-refused"));
            assertThat(browser.textOf(By.id("document-refused"))).contains("not what its name says");
            assertThat(browser.driver().findElement(By.id("description")).getAttribute("value"))
                    .isEqualTo("Signed at the shelter on arrival");
            browser.screenshot("documents-01-refused-" + size);

            browser.driver().findElement(By.id("file")).sendKeys(form.toString());
            browser.submit("upload-document").waitFor(By.cssSelector("#documents .document"));
            assertThat(browser.textOf(By.id("flash"))).contains("uploaded");
            assertThat(browser.textOf(By.cssSelector("#documents .document")))
                    .contains("Signed consent form", "signed-consent-" + size + ".pdf", "Signed at the shelter");
            browser.screenshot("documents-02-listed-" + size);

            // the download, fetched by the browser with its own session as a click on the link would
            String href = browser.driver()
                    .findElement(By.cssSelector("#documents a.document-download"))
                    .getAttribute("href");
            @SuppressWarnings("unchecked")
            var answer = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                            const done = arguments[arguments.length - 1];
                            fetch(arguments[0]).then(async r => done({status: r.status,
                                type: r.headers.get('Content-Type'), disposition: r.headers.get('Content-Disposition'),
                                body: await r.text()}));""", href);
            assertThat(answer.get("status")).isEqualTo(200L);
            assertThat(answer.get("type")).isEqualTo("application/pdf");
            assertThat((String) answer.get("disposition"))
                    .startsWith("attachment")
                    .contains("signed-consent-" + size + ".pdf");
            assertThat(answer.get("body")).isEqualTo(PDF);
            assertThat(browser.path()).as("a download leaves the page as it is").endsWith("/documents");
        }
    }
}
