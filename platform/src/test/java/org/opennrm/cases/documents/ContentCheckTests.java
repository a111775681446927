package org.opennrm.cases.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** The type of a document is read from its bytes; the name may narrow it, never contradict it. */
class ContentCheckTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        '\r',
        '\n',
        0x1a,
        '\n',
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        2,
        0,
        0,
        0
    };

    @Test
    void aPdfAPictureATextAndAWordDocumentAreAcceptedAsWhatTheyAre() throws IOException {
        assertThat(ContentCheck.check("consent.pdf", PDF)).isEqualTo(new ContentCheck.Accepted(DocumentType.PDF));
        assertThat(ContentCheck.check("scan.PNG", PNG)).isEqualTo(new ContentCheck.Accepted(DocumentType.PNG));
        assertThat(ContentCheck.check("interview.txt", "Interview at the shelter, 3 pages.".getBytes()))
                .isEqualTo(new ContentCheck.Accepted(DocumentType.TEXT));
        assertThat(ContentCheck.check("statement.docx", wordDocument()))
                .isEqualTo(new ContentCheck.Accepted(DocumentType.DOCX));
    }

    @Test
    void contentThatIsNotWhatItsNameSaysIsRefused() {
        assertThat(ContentCheck.check("consent.pdf", PNG)).isInstanceOf(ContentCheck.ContentDoesNotMatchName.class);
        assertThat(ContentCheck.check("scan.png", PDF)).isInstanceOf(ContentCheck.ContentDoesNotMatchName.class);
        // a program, and a web page with a script, dressed as text
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
        assertThat(ContentCheck.check("notes.txt", program)).isInstanceOf(ContentCheck.ContentDoesNotMatchName.class);
        assertThat(ContentCheck.check("notes.txt", "<html><body><script>alert(1)</script></body></html>".getBytes()))
                .isInstanceOf(ContentCheck.ContentDoesNotMatchName.class);
    }

    @Test
    void typesACaseDoesNotHoldAreRefusedWhateverTheirContent() {
        assertThat(ContentCheck.check("page.html", "<html></html>".getBytes()))
                .isInstanceOf(ContentCheck.TypeNotAllowed.class);
        assertThat(ContentCheck.check("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()))
                .isInstanceOf(ContentCheck.TypeNotAllowed.class);
        assertThat(ContentCheck.check("setup.exe", PDF)).isInstanceOf(ContentCheck.TypeNotAllowed.class);
        assertThat(ContentCheck.check("no-extension", PDF)).isInstanceOf(ContentCheck.TypeNotAllowed.class);
    }

    static byte[] wordDocument() throws IOException {
        try (var document = new XWPFDocument();
                var out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Statement taken at the shelter.");
            document.write(out);
            return out.toByteArray();
        }
    }
}
