package org.opennrm.monitoring.plan.report;

import org.opennrm.RuleViolation;

/** A report step refused, with the form field it is about (null when it is about the report as a whole). */
public class ReportRefused extends RuleViolation {

    private final String field;

    /** Refused at {@code field} (or null), with the words under {@code messageKey} (and in English) to show. */
    public ReportRefused(String field, String messageKey, String english, Object... arguments) {
        super(messageKey, english, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
