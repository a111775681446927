package org.opennrm.cases;

import org.opennrm.RuleViolation;

/**
 * A request on a case that a rule of the NRM forbids. The message names the rule in English (the API shows
 * it); pages show the translated message under {@link #messageKey()}. Never holds personal data.
 */
public class CaseRuleViolation extends RuleViolation {

    private final String messageKey;

    public CaseRuleViolation(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    /** The key of the message in {@code i18n/cases} that tells the person why. */
    public String messageKey() {
        return messageKey;
    }
}
