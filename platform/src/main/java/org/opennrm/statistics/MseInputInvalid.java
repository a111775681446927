package org.opennrm.statistics;

import org.opennrm.RuleViolation;

/**
 * A list-overlap table that cannot be used for estimation; the message says what to change. Its words are under a
 * message key of the statistics bundle ({@code statistics.estimates.refused.*} or {@code statistics.jobs.refused.*}),
 * so that a page shows them in the reader's language; the API answers the English message.
 */
class MseInputInvalid extends RuleViolation {

    MseInputInvalid(String messageKey, String english, Object... arguments) {
        super(messageKey, english, arguments);
    }
}
