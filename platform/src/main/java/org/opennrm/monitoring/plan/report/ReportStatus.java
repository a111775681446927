package org.opennrm.monitoring.plan.report;

/** Where a yearly report stands: a draft (its text editable), approved by a second person, published. */
public enum ReportStatus {
    DRAFT,
    APPROVED,
    PUBLISHED
}
