package org.opennrm.cases;

import org.opennrm.RuleViolation;

/**
 * A request on a case that a rule of the NRM forbids. The message names the rule in English (the API shows
 * it); pages show the translated message under {@link #messageKey()}, a key of {@code i18n/cases}. Never holds
 * personal data.
 */
public class CaseRuleViolation extends RuleViolation {

    public CaseRuleViolation(String messageKey, String english, Object... arguments) {
        super(messageKey, english, arguments);
    }
}
