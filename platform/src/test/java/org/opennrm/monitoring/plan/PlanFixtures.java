package org.opennrm.monitoring.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;

/** Synthetic action plans for tests, made through the facade as the demo co-ordinator's office. */
final class PlanFixtures {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2028, 12, 31);

    private PlanFixtures() {}

    static UUID organisation(OrganisationRegistry registry, String name) {
        return registry.findByName(name).orElseThrow().id();
    }

    /** A plan (evidence required or not) with one prevention objective and one measure led by {@code lead}. */
    static Measure planWithMeasure(ActionPlans plans, UUID office, UUID lead, boolean evidenceRequired) {
        return SignedIn.as(Role.COORDINATOR, office, () -> {
            var plan = plans.create(new PlanDetails(
                    "Test plan " + UUID.randomUUID().toString().substring(0, 8), START, END, evidenceRequired));
            var objective = plans.addObjective(plan.id(), Pillar.PREVENTION, "Fewer workers exploited");
            return plans.addMeasure(
                    plan.id(),
                    new MeasureDetails(
                            objective.id(),
                            "Train labour inspectors in indicators of forced labour",
                            lead,
                            List.of(),
                            LocalDate.of(2026, 3, 1),
                            LocalDate.of(2026, 11, 30)));
        });
    }
}
