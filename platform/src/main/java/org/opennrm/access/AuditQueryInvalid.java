package org.opennrm.access;

/**
 * A search of the audit trail that cannot be run as given. Names the field to correct and a message
 * code for the page; the message itself (English) is what the API answers.
 */
public class AuditQueryInvalid extends IllegalArgumentException {

    private final String field;
    private final String code;

    AuditQueryInvalid(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
