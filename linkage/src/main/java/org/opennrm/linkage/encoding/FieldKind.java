package org.opennrm.linkage.encoding;

/** How a field's value becomes tokens; the names are the ones written in schema files. */
public enum FieldKind {
    /** Person names: normalised, transliteration variants folded, character bigrams. */
    NAME("name"),
    /** Other free text (addresses, places): normalised, character bigrams, no name folding. */
    TEXT("text"),
    /** Dates of birth: positional year digits, month, day and the unordered day/month pair. */
    DATE("date"),
    /** Numbers such as postcodes or document numbers: each digit with its position. */
    DIGITS("digits"),
    /** Codes compared as a whole (sex, ISO 3166 citizenship). */
    EXACT("exact"),
    /** A column that is present in the CSV but deliberately not encoded. */
    IGNORE("ignore");

    private final String schemaName;

    FieldKind(String schemaName) {
        this.schemaName = schemaName;
    }

    String schemaName() {
        return schemaName;
    }

    static FieldKind fromSchemaName(String name) {
        for (FieldKind kind : values()) {
            if (kind.schemaName.equals(name)) {
                return kind;
            }
        }
        throw new InputRejected("schema: unknown field kind \"" + name + "\" (expected one of name, text, date,"
                + " digits, exact, ignore)");
    }
}
