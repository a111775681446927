package org.opennrm.linkage;

import org.opennrm.RuleViolation;

/**
 * A linkage request that cannot be carried out as made: a file of the wrong size, ids that do not match the
 * encodings, a run with too few lists. The message says it in English (the API shows it); pages show the
 * translated message under {@link #messageKey()} with {@link #messageArguments()}. Never holds an id or an encoding.
 */
public class LinkageRuleViolation extends RuleViolation {

    LinkageRuleViolation(String messageKey, String message, Object... arguments) {
        super(messageKey, message, arguments);
    }
}
