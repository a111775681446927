package org.opennrm.cases.documents;

/**
 * A document as uploaded: its kind, what the uploader writes about it, the file's name and its bytes. The type the
 * browser claimed is not part of it: the type is read from the bytes.
 */
public record NewDocument(DocumentKind kind, String description, String fileName, byte[] content) {

    @Override
    public String toString() {
        return "NewDocument[" + kind + ", " + (content == null ? 0 : content.length) + " bytes]";
    }
}
