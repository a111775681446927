package org.opennrm.cases.documents;

/** A document's bytes with the name and type to send them under. */
public record DocumentContent(String fileName, DocumentType type, byte[] bytes) {

    @Override
    public String toString() {
        return "DocumentContent[" + type + ", " + bytes.length + " bytes]";
    }
}
