package org.opennrm.prevention.inspection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An inspection plan for a year: {@code capacity} workplaces, of which {@code randomPercent} percent drawn by lot
 * from those not ranked into the plan, so that the findings keep teaching the model without the bias of inspecting
 * only the suspected.
 */
public record Plan(
        UUID id, int year, int capacity, int randomPercent, int trainedOn, Instant madeAt, List<Entry> entries) {

    /** Why a workplace is on the plan. */
    public enum Reason {
        /** Among the highest estimated risks. */
        RANKED,
        /** Drawn by lot from the rest of the register. */
        BY_LOT
    }

    /** One workplace of the plan, with its rank in the model's ranking and the factors of its score. */
    public record Entry(
            int position, Workplace workplace, Reason reason, int rank, double probability, List<Factor> factors) {}
}
