package org.opennrm.monitoring.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;

/**
 * One value of an indicator for a span of months, with its source: the rule it was counted by (and when), or the
 * organisation that reported it (who, and their note). {@code value} is null for a median over no facts.
 */
public record IndicatorValue(
        UUID indicatorId,
        YearMonth firstMonth,
        YearMonth lastMonth,
        BigDecimal value,
        IndicatorOrigin origin,
        Rule rule,
        UUID organisationId,
        String note,
        Instant recordedAt,
        String recordedBy) {}
