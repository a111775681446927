package org.opennrm.monitoring.plan;

import java.time.LocalDate;

/** A recommendation as registered: who made it, its reference in their report, when, and what it says. */
public record RecommendationDetails(RecommendationSource source, String reference, LocalDate issuedOn, String text) {}
