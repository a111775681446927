package org.opennrm.statistics;

import org.opennrm.RuleViolation;

/** A list-overlap table that cannot be used for estimation; the message says what to change. */
class MseInputInvalid extends RuleViolation {

    MseInputInvalid(String message) {
        super(message);
    }
}
