package org.opennrm.monitoring.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plan as its page and the API show it: objectives in the order of the four pillars, the measures of each, the
 * budget lines of each measure, and the totals by objective, by lead organisation and for the whole plan.
 */
public record PlanOverview(
        Plan plan,
        List<Objective> objectives,
        Map<UUID, List<Measure>> measuresByObjective,
        Map<UUID, List<BudgetLine>> budgetByMeasure,
        Map<UUID, BudgetTotal> totalsByObjective,
        Map<UUID, BudgetTotal> totalsByOrganisation,
        BudgetTotal total) {

    public List<Measure> measuresOf(Objective objective) {
        return measuresByObjective.getOrDefault(objective.id(), List.of());
    }

    public BudgetTotal totalOf(Measure measure) {
        return BudgetTotal.of(budgetByMeasure.getOrDefault(measure.id(), List.of()));
    }

    public BudgetTotal totalOf(Objective objective) {
        return totalsByObjective.getOrDefault(objective.id(), BudgetTotal.NONE);
    }

    /** Some budget line of the measure spends more than it was allocated. */
    public boolean overspent(Measure measure) {
        return budgetByMeasure.getOrDefault(measure.id(), List.of()).stream().anyMatch(BudgetLine::overspent);
    }
}
