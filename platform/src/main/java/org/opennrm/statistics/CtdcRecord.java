package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One person in the CTDC format: 27 values in {@link CtdcVariable} order, null for NULL. Binary variables hold
 * "1" or null: CTDC has no 0, absence means "not known or not reported".
 */
record CtdcRecord(List<String> values) {

    CtdcRecord {
        if (values.size() != CtdcVariable.values().length) {
            throw new IllegalArgumentException("a CTDC record has " + CtdcVariable.values().length + " values");
        }
        for (CtdcVariable variable : CtdcVariable.values()) {
            String value = values.get(variable.ordinal());
            if (variable.binary() && value != null && !value.equals("1")) {
                throw new IllegalArgumentException(variable.column() + " is binary: 1 or NULL");
            }
        }
        values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    static CtdcRecord of(String... values) {
        return new CtdcRecord(Arrays.asList(values));
    }

    String get(CtdcVariable variable) {
        return values.get(variable.ordinal());
    }

    /** The same record with one value generalised to NULL. */
    CtdcRecord withoutValue(CtdcVariable variable) {
        List<String> changed = new ArrayList<>(values);
        changed.set(variable.ordinal(), null);
        return new CtdcRecord(changed);
    }
}
