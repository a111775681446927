package org.opennrm.statistics;

import org.opennrm.RuleViolation;

/** A release that cannot be assembled or approved; nothing of it is published. */
class ReleaseRefused extends RuleViolation {

    ReleaseRefused(String message) {
        super(message);
    }
}
