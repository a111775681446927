package org.opennrm.prevention.finance;

import java.util.Map;

/** A report or outcome that cannot be stored: each field to change with the message key saying why. */
public class ReportInvalid extends RuntimeException {

    private final Map<String, String> fields;

    ReportInvalid(Map<String, String> fields) {
        super("The report cannot be stored: " + fields.keySet());
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
