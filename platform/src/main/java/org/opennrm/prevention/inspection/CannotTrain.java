package org.opennrm.prevention.inspection;

import org.opennrm.RuleViolation;

/**
 * The model cannot be trained on what is known before the cut-off: too few inspections, or findings of one kind only.
 * Carries the label key of the reason and the counts it names; no ranking is given.
 */
public class CannotTrain extends RuleViolation {

    private final String key;
    private final int inspections;
    private final int violations;

    public CannotTrain(String key, int inspections, int violations) {
        super(
                key,
                "The risk model cannot be trained: " + inspections + " inspections known before the cut-off, "
                        + violations + " of them with a violation; at least " + RiskModel.MIN_INSPECTIONS
                        + " inspections and " + RiskModel.MIN_EACH_CLASS + " with and without a violation are needed.",
                inspections,
                violations);
        this.key = key;
        this.inspections = inspections;
        this.violations = violations;
    }

    public String key() {
        return key;
    }

    public int inspections() {
        return inspections;
    }

    public int violations() {
        return violations;
    }
}
