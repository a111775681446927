package org.opennrm.cases;

/** The refusals of the case aggregate as it throws them, for web tests whose case management is a stand-in. */
public final class CaseRuleFixtures {

    private CaseRuleFixtures() {}

    /** A second preliminary decision on a case that already has one. */
    public static CaseRuleViolation secondPreliminary() {
        return DecisionOutOfOrder.secondPreliminary();
    }

    /** A child, or a person whose age is in doubt, referred without the guardian appointed. */
    public static CaseRuleViolation guardianMissing() {
        return new GuardianMissing();
    }

    /** An adult referred without their consent to assistance. */
    public static CaseRuleViolation consentForAssistance() {
        return ConsentMissing.forAssistance();
    }

    /** A child notified anonymously, as {@code CaseManagement.notifyAnonymously} refuses it. */
    public static CaseRuleViolation childNotAnonymous() {
        return new CaseRuleViolation(
                "caseRule.childNotAnonymous",
                "A child is not notified anonymously: refer the child, no consent is needed.");
    }

    /** A consent withdrawn that is not (or no longer) in force. */
    public static CaseRuleViolation consentNotInForce() {
        return ConsentMissing.notInForce();
    }

    /** An event dated after today. */
    public static CaseRuleViolation eventDateInFuture() {
        return new EventDateInFuture();
    }
}
