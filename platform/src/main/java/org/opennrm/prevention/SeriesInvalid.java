package org.opennrm.prevention;

import org.opennrm.RuleViolation;

/** A series that cannot be read; the message says the line and what to change. */
class SeriesInvalid extends RuleViolation {

    SeriesInvalid(String messageKey, String english, Object... arguments) {
        super(messageKey, english, arguments);
    }
}
