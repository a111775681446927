package org.opennrm.monitoring.plan;

/** A new status for a measure with the evidence for it, made on the version of the measure the person read. */
public record StatusUpdate(MeasureStatus status, String evidence, int version) {}
