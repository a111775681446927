package org.opennrm.monitoring.plan.comment;

/** What the rapporteur comments on: a measure of a plan, a recommendation of the register, a yearly report. */
public enum CommentSubject {
    MEASURE,
    RECOMMENDATION,
    REPORT
}
