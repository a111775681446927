package org.opennrm.monitoring.plan;

import org.opennrm.RuleViolation;

/** An end (or due) date before the start: refused, naming the field that holds the later date. */
public class DatesOutOfOrder extends RuleViolation {

    private final String field;

    /** Refused at {@code field}, with the words under {@code messageKey} (and in English) to show there. */
    DatesOutOfOrder(String field, String messageKey, String english, Object... arguments) {
        super(messageKey, english, arguments);
        this.field = field;
    }

    /** The field of the date that comes too early: {@code endsOn} of a plan, {@code dueOn} of a measure. */
    public String field() {
        return field;
    }
}
