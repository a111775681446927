package org.opennrm.cases.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.documents.CaseDocuments;
import org.opennrm.cases.documents.DocumentKind;
import org.opennrm.cases.documents.NewDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case's documents: the list (a read of the case, logged), the upload form, and each document's download (logged
 * before it is sent). A refused upload is shown again with the kind and description as typed and the reason; the
 * file itself has to be chosen again (a browser never lets a page fill in a file for its user).
 */
@Controller
class CaseDocumentsController {

    /** What the upload form sends. */
    record DocumentForm(DocumentKind kind, String description, MultipartFile file) {}

    private final CaseDocuments documents;

    CaseDocumentsController(CaseDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/cases/{id}/documents")
    @PreAuthorize("hasAnyAuthority('cases:read:all','cases:read:own')")
    String list(@PathVariable UUID id, Model model) {
        return page(id, model, null, new DocumentForm(DocumentKind.CONSENT_FORM, null, null));
    }

    @PostMapping("/cases/{id}/documents")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String upload(@PathVariable UUID id, @ModelAttribute DocumentForm form, Model model, RedirectAttributes redirect)
            throws IOException {
        var file = form.file();
        try {
            documents.upload(
                    CaseId.of(id),
                    new NewDocument(
                            form.kind(),
                            form.description(),
                            file == null ? null : file.getOriginalFilename(),
                            file == null || file.isEmpty() ? null : bytesOf(file)));
        } catch (CaseRuleViolation refused) {
            return page(id, model, refused.messageKey(), form);
        }
        redirect.addFlashAttribute("flash", "caseDocument.saved");
        return "redirect:/cases/" + id + "/documents";
    }

    @GetMapping("/cases/{id}/documents/{documentId}")
    @PreAuthorize("hasAnyAuthority('cases:read:all','cases:read:own')")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId) {
        var document = documents.download(CaseId.of(id), documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.type().mediaType()))
                // always a download, never shown inside the platform's pages
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .body(document.bytes());
    }

    /** Reads no more of a file than the limit and one byte, so that a huge upload is refused without being held. */
    private static byte[] bytesOf(MultipartFile file) throws IOException {
        try (var in = file.getInputStream()) {
            return in.readNBytes(CaseDocuments.MAX_BYTES + 1);
        }
    }

    private String page(UUID id, Model model, String refused, DocumentForm form) {
        model.addAttribute("caseId", id);
        model.addAttribute("documents", documents.of(CaseId.of(id)));
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("refused", refused);
        model.addAttribute("form", form);
        model.addAttribute("maxMegabytes", CaseDocuments.MAX_BYTES / (1024 * 1024));
        model.addAttribute("descriptionLimit", CaseDocuments.DESCRIPTION_LIMIT);
        return "cases/documents";
    }
}
