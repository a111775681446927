package org.opennrm.organisations;

import org.opennrm.RuleViolation;

/**
 * A partnership agreement binds at least two organisations, each named once with the role it plays:
 * an agreement of one organisation with itself commits no one to anything.
 */
public class PartiesMissing extends RuleViolation {

    public PartiesMissing(String messageKey, String english, Object... arguments) {
        super(messageKey, english, arguments);
    }
}
