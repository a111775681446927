package org.opennrm.monitoring.plan.report;

import org.opennrm.RuleViolation;

/** A report step refused, with the form field it is about (null when it is about the report as a whole). */
public class ReportRefused extends RuleViolation {

    private final String field;

    public ReportRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
