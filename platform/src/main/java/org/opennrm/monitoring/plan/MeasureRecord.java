package org.opennrm.monitoring.plan;

import java.util.List;

/**
 * A measure with what hangs on it: its plan, its objective, its dated status history, its budget lines and its
 * activities (soonest due first).
 */
public record MeasureRecord(
        Measure measure,
        Plan plan,
        Objective objective,
        List<StatusChange> history,
        List<BudgetLine> budget,
        List<Activity> activities) {

    public BudgetTotal total() {
        return BudgetTotal.of(budget);
    }
}
