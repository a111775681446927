package org.opennrm.monitoring.plan;

/** Where the money for a measure comes from. */
public enum FundingSource {
    STATE_BUDGET,
    DONORS,
    OTHER
}
