package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.opennrm.monitoring.plan.IndicatorDetails;
import org.opennrm.monitoring.plan.IndicatorOrigin;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;

/** A new indicator: name, measure, where its values come from, baseline and target with their years. */
record IndicatorForm(
        @NotBlank(message = "{plan.indicator.name.required}") @Size(max = 300, message = "{plan.indicator.name.size}")
        String name,

        UUID measureId,

        @NotNull(message = "{plan.indicator.origin.required}")
        IndicatorOrigin origin,

        Rule rule,

        @NotNull(message = "{plan.indicator.baseline.required}")
        @Digits(integer = 14, fraction = 2, message = "{plan.budget.amount.invalid}")
        BigDecimal baseline,

        @NotNull(message = "{plan.indicator.baseline.required}")
        @Min(value = 1990, message = "{plan.indicator.year.invalid}")
        @Max(value = 2200, message = "{plan.indicator.year.invalid}")
        Integer baselineYear,

        @NotNull(message = "{plan.indicator.target.required}")
        @Digits(integer = 14, fraction = 2, message = "{plan.budget.amount.invalid}")
        BigDecimal target,

        @NotNull(message = "{plan.indicator.target.required}")
        @Min(value = 1990, message = "{plan.indicator.year.invalid}")
        @Max(value = 2200, message = "{plan.indicator.year.invalid}")
        Integer targetYear) {

    static IndicatorForm blank() {
        return new IndicatorForm(null, null, IndicatorOrigin.COMPUTED, null, null, null, null, null);
    }

    IndicatorDetails details() {
        return new IndicatorDetails(measureId, name, origin, rule, baseline, baselineYear, target, targetYear);
    }
}
