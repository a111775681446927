package org.opennrm.prevention.suppliers;

import java.util.Map;

/** A list source or review that cannot be stored: each field to change with the message key saying why. */
public class ScreeningInvalid extends RuntimeException {

    private final Map<String, String> fields;

    ScreeningInvalid(Map<String, String> fields) {
        super("Cannot be stored: " + fields.keySet());
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
