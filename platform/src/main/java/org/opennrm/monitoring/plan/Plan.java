package org.opennrm.monitoring.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opennrm.RuleViolation;

/**
 * A national action plan against trafficking in human beings for a period (usually two to five years). The
 * co-ordinator drafts it with objectives under the four pillars and measures under each objective; lead
 * organisations report the status and spending of their measures until the period ends and the plan is evaluated.
 * Where the plan requires evidence, no measure changes status without it.
 */
public record Plan(
        UUID id,
        String title,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean evidenceRequired,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    static final int TITLE_LENGTH = 200;

    /** Refuses details a plan cannot have: no title, a missing date, a period that ends before it starts. */
    static PlanDetails checked(PlanDetails details) {
        if (details.title() == null || details.title().isBlank()) {
            throw new RuleViolation("plan.refused.plan.title", "A plan needs a title.");
        }
        if (details.title().strip().length() > TITLE_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.plan.titleSize",
                    "A plan's title has at most " + TITLE_LENGTH + " characters.",
                    TITLE_LENGTH);
        }
        if (details.startsOn() == null || details.endsOn() == null) {
            throw new RuleViolation(
                    "plan.refused.plan.period", "A plan needs the first and the last day of its period.");
        }
        if (details.endsOn().isBefore(details.startsOn())) {
            throw new DatesOutOfOrder(
                    "endsOn", "plan.refused.plan.endsOn", "A plan's period cannot end before it starts.");
        }
        return new PlanDetails(
                details.title().strip(), details.startsOn(), details.endsOn(), details.evidenceRequired());
    }

    /** The calendar years the plan covers, first to last: the years its budget is planned for. */
    public java.util.List<Integer> years() {
        return java.util.stream.IntStream.rangeClosed(startsOn.getYear(), endsOn.getYear())
                .boxed()
                .toList();
    }

    @Override
    public String toString() {
        return "Plan[" + id + "]";
    }
}
