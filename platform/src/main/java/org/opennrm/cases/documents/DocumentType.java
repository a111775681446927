package org.opennrm.cases.documents;

import java.util.Arrays;
import java.util.Optional;

/**
 * The types of file a case may hold: scans and photographs (PDF, JPEG, PNG) and written documents (plain text, Word,
 * OpenDocument). Nothing that runs or renders active content in a browser (HTML, SVG, scripts, archives,
 * executables), so that a downloaded document can do no more than show itself.
 */
public enum DocumentType {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    TEXT("text/plain"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ODT("application/vnd.oasis.opendocument.text");

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    static Optional<DocumentType> ofMediaType(String mediaType) {
        return Arrays.stream(values())
                .filter(type -> type.mediaType.equals(mediaType))
                .findFirst();
    }
}
