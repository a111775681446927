package org.opennrm.prevention.inspection;

import java.util.Map;
import org.opennrm.RuleViolation;

/** A plan that cannot be made as asked: the field to change and the label key of its message. */
public class PlanInvalid extends RuleViolation {

    private final Map<String, String> fields;

    PlanInvalid(Map<String, String> fields) {
        super(
                "inspection.plan.invalid",
                "The plan cannot be made: " + String.join(", ", fields.keySet()) + " to change.");
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
