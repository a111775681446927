package org.opennrm.cases;

/** A child (or a person whose age is in doubt) referred without a guardian appointed. */
public class GuardianMissing extends CaseRuleViolation {

    GuardianMissing() {
        super(
                "caseRule.guardianMissing",
                "A child, or a person whose age is in doubt, is referred with a guardian: choose the guardian appointed.");
    }
}
