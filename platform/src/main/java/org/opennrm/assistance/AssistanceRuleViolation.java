package org.opennrm.assistance;

import org.opennrm.RuleViolation;

/** A request on assistance that a rule forbids. Pages show the message under {@link #messageKey()}. */
public class AssistanceRuleViolation extends RuleViolation {

    private final String field;

    AssistanceRuleViolation(String messageKey, String message) {
        this(messageKey, message, null);
    }

    /** A refusal about one field of the form, so that the page shows the message next to it. */
    AssistanceRuleViolation(String messageKey, String message, String field) {
        super(messageKey, message);
        this.field = field;
    }

    /** The form field the refusal is about, or null when it is about the whole request. */
    public String field() {
        return field;
    }
}
