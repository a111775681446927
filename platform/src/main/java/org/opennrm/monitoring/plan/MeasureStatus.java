package org.opennrm.monitoring.plan;

/** Where a measure stands, as its lead organisation or the co-ordinator reports it. */
public enum MeasureStatus {
    NOT_STARTED,
    ON_TRACK,
    DELAYED,
    DONE,
    DROPPED
}
