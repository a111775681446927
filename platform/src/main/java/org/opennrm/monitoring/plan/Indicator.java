package org.opennrm.monitoring.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;

/**
 * An indicator of an action plan: where the country started (baseline, in a year), where it means to be (target, in
 * a year), and values over time. A computed indicator takes each value from the platform's facts by its rule; a
 * reported one from its measure's lead organisation. Either way each value keeps its source.
 */
public record Indicator(
        UUID id,
        UUID planId,
        UUID measureId,
        String name,
        IndicatorOrigin origin,
        Rule rule,
        BigDecimal baseline,
        int baselineYear,
        BigDecimal target,
        int targetYear,
        Instant createdAt) {

    static final int NAME_LENGTH = 300;

    /** Refuses an indicator without a name, a baseline or a target, or whose source is unclear. */
    static IndicatorDetails checked(IndicatorDetails details) {
        if (details.name() == null || details.name().isBlank()) {
            throw new RuleViolation("plan.refused.indicator.name", "An indicator needs a name: what it measures.");
        }
        if (details.name().strip().length() > NAME_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.indicator.nameSize",
                    "An indicator's name has at most " + NAME_LENGTH + " characters.",
                    NAME_LENGTH);
        }
        if (details.baseline() == null || details.baselineYear() == null) {
            throw new BaselineMissing();
        }
        if (details.target() == null || details.targetYear() == null) {
            throw new RuleViolation(
                    "plan.refused.indicator.target", "An indicator needs a target and the year it is to be reached.");
        }
        if (details.targetYear() < details.baselineYear()) {
            throw new DatesOutOfOrder(
                    "targetYear",
                    "plan.indicator.targetYear.beforeBaseline",
                    "The target year cannot come before the baseline year.");
        }
        if (details.origin() == null) {
            throw new RuleViolation(
                    "plan.refused.indicator.origin",
                    "Say whether the indicator is computed from the platform's facts or reported.");
        }
        if (details.origin() == IndicatorOrigin.COMPUTED && details.rule() == null) {
            throw new RuleViolation(
                    "plan.refused.indicator.rule", "A computed indicator needs the rule by which it is counted.");
        }
        if (details.origin() == IndicatorOrigin.REPORTED && details.measureId() == null) {
            throw new RuleViolation(
                    "plan.refused.indicator.measure",
                    "A reported indicator belongs to a measure: its lead organisation reports it.");
        }
        return new IndicatorDetails(
                details.measureId(),
                details.name().strip(),
                details.origin(),
                details.origin() == IndicatorOrigin.COMPUTED ? details.rule() : null,
                details.baseline(),
                details.baselineYear(),
                details.target(),
                details.targetYear());
    }

    @Override
    public String toString() {
        return "Indicator[" + id + "]";
    }
}
