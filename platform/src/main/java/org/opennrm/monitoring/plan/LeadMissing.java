package org.opennrm.monitoring.plan;

import org.opennrm.RuleViolation;

/** A measure without a lead organisation: someone must answer for every measure. */
public class LeadMissing extends RuleViolation {

    LeadMissing() {
        super(
                "plan.refused.measure.lead",
                "A measure needs a lead organisation from the registry: the organisation that answers for it.");
    }
}
