package org.opennrm.cases.documents;

import java.util.Optional;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Reads the type of an uploaded file from its bytes and checks it against its name, never trusting the type the
 * browser sent (which is whatever the sender's machine or a forger says). Apache Tika's detection by magic numbers
 * gives the family the bytes belong to; the name's extension may only narrow it (a Word document's bytes are a ZIP
 * archive, and only its name says which kind of archive), never contradict it: a PNG named {@code .pdf}, a program
 * named {@code .txt} or an HTML page named {@code .txt} is refused.
 *
 * <p>Known limit: with Tika's core alone the inside of a ZIP container is not opened, so any ZIP archive named
 * {@code .docx} or {@code .odt} passes as one. Such a file is sent back only as a download ({@code attachment},
 * {@code nosniff}), never shown inline.
 */
final class ContentCheck {

    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry REGISTRY =
            MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    private ContentCheck() {}

    /** What the check found. */
    sealed interface Outcome {}

    /** The bytes are of an allowed type, and the name agrees. */
    record Accepted(DocumentType type) implements Outcome {}

    /** The name is of a type a case does not hold. */
    record TypeNotAllowed() implements Outcome {}

    /** The name says one type, the bytes another. */
    record ContentDoesNotMatchName() implements Outcome {}

    static Outcome check(String fileName, byte[] content) {
        Optional<DocumentType> named = DocumentType.ofMediaType(base(TIKA.detect(fileName)));
        if (named.isEmpty()) {
            return new TypeNotAllowed();
        }
        MediaType byName = MediaType.parse(named.get().mediaType());
        MediaType byContent = MediaType.parse(base(TIKA.detect(content)));
        boolean agrees = byContent.equals(byName) || REGISTRY.isSpecializationOf(byName, byContent);
        return agrees ? new Accepted(named.get()) : new ContentDoesNotMatchName();
    }

    private static String base(String mediaType) {
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).strip();
    }
}
