package org.opennrm.monitoring.plan;

import java.math.BigDecimal;
import java.util.UUID;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;

/**
 * An indicator as the co-ordinator defines it: its name, the measure it belongs to (required when its lead
 * organisation reports it), where its values come from (a rule over the facts, or reports), its baseline and target.
 */
public record IndicatorDetails(
        UUID measureId,
        String name,
        IndicatorOrigin origin,
        Rule rule,
        BigDecimal baseline,
        Integer baselineYear,
        BigDecimal target,
        Integer targetYear) {}
