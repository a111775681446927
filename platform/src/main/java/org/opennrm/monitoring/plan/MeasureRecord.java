package org.opennrm.monitoring.plan;

import java.util.List;

/** A measure with what hangs on it: its plan, its objective, its dated status history and its budget lines. */
public record MeasureRecord(
        Measure measure, Plan plan, Objective objective, List<StatusChange> history, List<BudgetLine> budget) {

    public BudgetTotal total() {
        return BudgetTotal.of(budget);
    }
}
