package org.opennrm.monitoring.plan;

/** Who made a recommendation to the country. */
public enum RecommendationSource {
    GRETA,
    TIP_REPORT,
    UN_TREATY_BODY,
    UPR,
    EU,
    NATIONAL_RAPPORTEUR
}
