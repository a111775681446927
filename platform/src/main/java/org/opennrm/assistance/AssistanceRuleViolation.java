package org.opennrm.assistance;

import org.opennrm.RuleViolation;

/** A request on assistance that a rule forbids. Pages show the message under {@link #messageKey()}. */
public class AssistanceRuleViolation extends RuleViolation {

    private final String messageKey;

    AssistanceRuleViolation(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
