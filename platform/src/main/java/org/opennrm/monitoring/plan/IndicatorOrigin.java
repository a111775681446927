package org.opennrm.monitoring.plan;

/** Where an indicator's values come from: counted from the platform's facts, or reported by a lead organisation. */
public enum IndicatorOrigin {
    COMPUTED,
    REPORTED
}
