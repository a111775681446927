package org.opennrm.monitoring.plan;

import org.opennrm.RuleViolation;

/** An indicator without a baseline: progress cannot be told without knowing where it started. */
public class BaselineMissing extends RuleViolation {

    BaselineMissing() {
        super(
                "plan.refused.indicator.baseline",
                "An indicator needs a baseline and its year: where the country started.");
    }
}
