package org.opennrm.monitoring.plan;

import org.opennrm.RuleViolation;

/** A status change without evidence, in a plan that requires evidence for every change of status. */
public class EvidenceRequired extends RuleViolation {

    EvidenceRequired() {
        super(
                "plan.refused.measure.evidence",
                "This plan requires evidence for every change of status: say what was done and where it can be seen.");
    }
}
