package org.opennrm.monitoring.plan;

import java.time.Instant;
import java.util.UUID;

/** One entry of a measure's dated history: who set which status when, from which, with what evidence. */
public record StatusChange(
        UUID measureId, Instant changedAt, String changedBy, MeasureStatus from, MeasureStatus to, String evidence) {}
