package org.opennrm.cases.documents;

import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.IdentityProtection;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.SharingScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a case. Uploading needs {@code cases:write:all}; listing and downloading are for whoever may read
 * the case page (NRM staff, a child's guardian), and each is logged as a read of the case in the same transaction,
 * before anything is returned: a download that is not logged is not sent. Whoever may not read the case is told it
 * does not exist, as on the case page.
 *
 * <p>The name, the description and the bytes are encrypted with the identity key; the bytes in parts of
 * {@value #PART_BYTES} bytes (see the migration V482 for why). Nothing of a document but its id, kind, type and size
 * reaches the audit trail or a log.
 */
@Service
public class CaseDocuments {

    /** The encryption contexts, before the document's id (and for a part, ":" and its position). */
    public static final String FILE_NAME = "cases.case_document.file_name:";

    public static final String DESCRIPTION = "cases.case_document.description:";
    public static final String CONTENT = "cases.case_document_part.content:";

    /**
     * The largest document a case holds: a scanned consent form or a few photographed pages are well below it, and a
     * case is not an archive of video or sound recordings (which belong in the police's evidence store).
     */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The longest file name and description kept. */
    public static final int NAME_LIMIT = 255;

    public static final int DESCRIPTION_LIMIT = 1000;

    static final int PART_BYTES = 256 * 1024;

    private static final String READERS = "hasAnyAuthority('cases:read:all','cases:read:own')";
    /** Service providers, who read a case only through a referral to them (checked by the referrals module). */
    private static final String SHARED_READERS = "hasAuthority('cases:read:organisation')";

    private final JdbcClient jdbc;
    private final IdentityProtection protection;
    private final AuditTrail audit;
    private final CaseManagement cases;
    private final Clock clock;

    CaseDocuments(JdbcClient jdbc, IdentityProtection protection, AuditTrail audit, CaseManagement cases, Clock clock) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.audit = audit;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Keeps a document, or refuses it with the reason (a {@link CaseRuleViolation} whose message key is in {@code
     * i18n/cases}) and keeps nothing.
     */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public CaseDocument upload(CaseId caseId, NewDocument document) {
        cases.referenceOf(caseId);
        if (document.kind() == null) {
            throw new CaseRuleViolation("caseDocument.kind.required", "Choose what kind of document this is.");
        }
        var description =
                document.description() == null ? "" : document.description().strip();
        if (description.length() > DESCRIPTION_LIMIT) {
            throw new CaseRuleViolation(
                    "caseDocument.descriptionTooLong",
                    "The description can have at most " + DESCRIPTION_LIMIT + " characters.");
        }
        var fileName = fileNameOf(document.fileName());
        if (fileName.isEmpty() || document.content() == null) {
            throw new CaseRuleViolation("caseDocument.file.required", "Choose the file to upload.");
        }
        byte[] content = document.content();
        if (content.length == 0) {
            throw new CaseRuleViolation("caseDocument.file.empty", "The file is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new CaseRuleViolation(
                    "caseDocument.file.tooLarge", "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        DocumentType type =
                switch (ContentCheck.check(fileName, content)) {
                    case ContentCheck.Accepted accepted -> accepted.type();
                    case ContentCheck.TypeNotAllowed refused ->
                        throw new CaseRuleViolation(
                                "caseDocument.file.typeNotAllowed",
                                "A case holds PDF, JPEG, PNG, plain text, Word and OpenDocument text files only.");
                    case ContentCheck.ContentDoesNotMatchName refused ->
                        throw new CaseRuleViolation(
                                "caseDocument.file.contentNotName",
                                "The file's content is not what its name says it is.");
                };
        var actor = Actor.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        var id = UUID.randomUUID();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int parts = (content.length + PART_BYTES - 1) / PART_BYTES;
        jdbc.sql("""
                        insert into cases.case_document (id, case_id, kind, media_type, size_bytes, parts, file_name,
                            description, uploaded_at, uploaded_by)
                        values (:id, :case, :kind, :type, :size, :parts, :name, :description, :at, :by)""")
                .param("id", id)
                .param("case", caseId.value())
                .param("kind", document.kind().name())
                .param("type", type.mediaType())
                .param("size", content.length)
                .param("parts", parts)
                .param("name", protection.encrypt(fileName, FILE_NAME + id))
                .param("description", description.isEmpty() ? null : protection.encrypt(description, DESCRIPTION + id))
                .param("at", Timestamp.from(now))
                .param("by", actor.accountId())
                .update();
        for (int position = 0; position < parts; position++) {
            byte[] part = Arrays.copyOfRange(
                    content, position * PART_BYTES, Math.min(content.length, (position + 1) * PART_BYTES));
            jdbc.sql("""
                            insert into cases.case_document_part (document_id, case_id, position, content)
                            values (:document, :case, :position, :content)""")
                    .param("document", id)
                    .param("case", caseId.value())
                    .param("position", position)
                    .param(
                            "content",
                            protection.encrypt(Base64.getEncoder().encodeToString(part), CONTENT + id + ":" + position))
                    .update();
        }
        audit.record(
                AuditAction.CREATE,
                "case_document",
                id,
                "case=" + caseId + " kind=" + document.kind() + " type=" + type + " bytes=" + content.length);
        return new CaseDocument(
                id,
                document.kind(),
                fileName,
                description.isEmpty() ? null : description,
                type,
                content.length,
                now,
                actor.accountId(),
                false);
    }

    /** The documents of a case, latest first, without their bytes; logged as a read of the case first. */
    @Transactional
    @PreAuthorize(READERS)
    public List<CaseDocument> of(CaseId caseId) {
        cases.referenceOf(caseId);
        audit.record(AuditAction.READ, CaseManagement.RECORD_TYPE, caseId.value(), "documents");
        return listed(caseId);
    }

    /**
     * The documents of a case as a service provider sees them through a referral that shares them ({@link
     * SharingScope#DOCUMENTS}), logged as a shared read of the case first. The referrals module calls this only after
     * checking that the actor's organisation holds the referral, that it is in force with consent (or an override)
     * and that it shares documents; the case page's readers use {@link #of}.
     */
    @Transactional
    @PreAuthorize(SHARED_READERS)
    public List<CaseDocument> shared(CaseId caseId) {
        audit.record(AuditAction.READ, CaseManagement.RECORD_TYPE, caseId.value(), "shared documents");
        return listed(caseId);
    }

    /** One document's bytes through a referral that shares documents; checked by the caller as for {@link #shared}. */
    @Transactional
    @PreAuthorize(SHARED_READERS)
    public DocumentContent sharedDownload(CaseId caseId, UUID documentId) {
        return content(caseId, documentId, "shared document ");
    }

    private List<CaseDocument> listed(CaseId caseId) {
        return jdbc.sql("""
                        select d.id, d.kind, d.media_type, d.size_bytes, d.file_name, d.description, d.uploaded_at,
                            d.uploaded_by, exists (select 1 from cases.case_document_part p
                                                   where p.document_id = d.id and p.content is null) as erased
                        from cases.case_document d
                        where d.case_id = :case order by d.uploaded_at desc, d.id""")
                .param("case", caseId.value())
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    return new CaseDocument(
                            id,
                            DocumentKind.valueOf(rs.getString("kind")),
                            protection.decrypt(rs.getString("file_name"), FILE_NAME + id),
                            protection.decrypt(rs.getString("description"), DESCRIPTION + id),
                            DocumentType.ofMediaType(rs.getString("media_type")).orElseThrow(),
                            rs.getLong("size_bytes"),
                            rs.getTimestamp("uploaded_at").toInstant(),
                            rs.getObject("uploaded_by", UUID.class),
                            rs.getBoolean("erased"));
                })
                .list();
    }

    /**
     * A document's bytes, logged as a read of the case (naming the document) before they are returned. A document
     * of another case, or of an erased case, is not found.
     */
    @Transactional
    @PreAuthorize(READERS)
    public DocumentContent download(CaseId caseId, UUID documentId) {
        cases.referenceOf(caseId);
        return content(caseId, documentId, "document ");
    }

    private DocumentContent content(CaseId caseId, UUID documentId, String readDetail) {
        record Stored(String fileName, String mediaType, int size, int parts) {}
        var stored = jdbc.sql("""
                        select file_name, media_type, size_bytes, parts from cases.case_document
                        where id = :id and case_id = :case""")
                .param("id", documentId)
                .param("case", caseId.value())
                .query((rs, n) -> new Stored(
                        rs.getString("file_name"),
                        rs.getString("media_type"),
                        rs.getInt("size_bytes"),
                        rs.getInt("parts")))
                .optional()
                .orElseThrow(() -> new RecordNotFound("case_document", documentId));
        audit.record(AuditAction.READ, CaseManagement.RECORD_TYPE, caseId.value(), readDetail + documentId);
        var parts = jdbc.sql("""
                        select position, content from cases.case_document_part
                        where document_id = :id order by position""")
                .param("id", documentId)
                .query((rs, n) -> new String[] {rs.getString("position"), rs.getString("content")})
                .list();
        if (parts.size() != stored.parts() || parts.stream().anyMatch(part -> part[1] == null)) {
            // erased with the case (or parts missing): there is nothing to send
            throw new RecordNotFound("case_document", documentId);
        }
        var bytes = new ByteArrayOutputStream(stored.size());
        for (int position = 0; position < parts.size(); position++) {
            var part = parts.get(position);
            if (Integer.parseInt(part[0]) != position) {
                throw new IllegalStateException("A part of document " + documentId + " is missing");
            }
            bytes.writeBytes(
                    Base64.getDecoder().decode(protection.decrypt(part[1], CONTENT + documentId + ":" + position)));
        }
        if (bytes.size() != stored.size()) {
            throw new IllegalStateException("Document " + documentId + " does not have the size it was stored with");
        }
        return new DocumentContent(
                protection.decrypt(stored.fileName(), FILE_NAME + documentId),
                DocumentType.ofMediaType(stored.mediaType()).orElseThrow(),
                bytes.toByteArray());
    }

    /** The file's own name, without the folders some browsers send, and without control characters. */
    static String fileNameOf(String given) {
        if (given == null) {
            return "";
        }
        var name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > NAME_LIMIT ? name.substring(name.length() - NAME_LIMIT) : name;
    }
}
