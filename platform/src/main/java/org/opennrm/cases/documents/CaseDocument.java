package org.opennrm.cases.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * A document of a case as listed: its kind, name, description, type and size, without its bytes. The name and the
 * description are empty once the case is erased, and {@link #erased()} then says the bytes are gone.
 */
public record CaseDocument(
        UUID id,
        DocumentKind kind,
        String fileName,
        String description,
        DocumentType type,
        long sizeBytes,
        Instant uploadedAt,
        UUID uploadedBy,
        boolean erased) {

    @Override
    public String toString() {
        return "CaseDocument[" + id + ", " + kind + ", " + type + ", " + sizeBytes + " bytes]";
    }
}
