package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.opennrm.monitoring.plan.BudgetEntry;
import org.opennrm.monitoring.plan.FundingSource;
import org.opennrm.monitoring.plan.Measure;

/**
 * The money of a measure for a year and a source. A lead organisation's form has no planned and allocated fields
 * (they come back null and are left as they are).
 */
record BudgetForm(
        @NotNull(message = "{plan.budget.year.required}") Integer year,
        @NotNull(message = "{plan.budget.source.required}") FundingSource source,

        @DecimalMin(value = "0", message = "{plan.budget.amount.invalid}")
        @Digits(integer = 14, fraction = 2, message = "{plan.budget.amount.invalid}")
        BigDecimal planned,

        @DecimalMin(value = "0", message = "{plan.budget.amount.invalid}")
        @Digits(integer = 14, fraction = 2, message = "{plan.budget.amount.invalid}")
        BigDecimal allocated,

        @DecimalMin(value = "0", message = "{plan.budget.amount.invalid}")
        @Digits(integer = 14, fraction = 2, message = "{plan.budget.amount.invalid}")
        BigDecimal spent,

        @NotNull(message = "{version.missing}") Integer version) {

    static BudgetForm of(Measure measure, int year) {
        return new BudgetForm(year, FundingSource.STATE_BUDGET, null, null, null, measure.version());
    }

    BudgetForm withVersion(int current) {
        return new BudgetForm(year, source, planned, allocated, spent, current);
    }

    BudgetEntry entry() {
        return new BudgetEntry(year, source, planned, allocated, spent, version);
    }
}
