package org.opennrm.cases;

/** The refusals of the case aggregate as it throws them, for web tests whose case management is a stand-in. */
public final class CaseRuleFixtures {

    private CaseRuleFixtures() {}

    /** A second preliminary decision on a case that already has one. */
    public static CaseRuleViolation secondPreliminary() {
        return DecisionOutOfOrder.secondPreliminary();
    }
}
