package org.opennrm.monitoring.plan;

/** How far the government has carried out a recommendation, as the co-ordinator states it. */
public enum Implementation {
    NOT_ASSESSED,
    NOT_IMPLEMENTED,
    PARTIALLY_IMPLEMENTED,
    IMPLEMENTED
}
