package org.opennrm.monitoring.plan.body;

import org.opennrm.RuleViolation;

/** A change to the co-ordinating body refused by its rules, naming the field at fault and the label that explains it. */
public class BodyRefused extends RuleViolation {

    private final String field;
    private final String label;

    /** Refused at {@code field}; {@code label} is the message key of the words a page shows there. */
    BodyRefused(String field, String label, String message) {
        super(label, message);
        this.field = field;
        this.label = label;
    }

    public String field() {
        return field;
    }

    public String label() {
        return label;
    }
}
