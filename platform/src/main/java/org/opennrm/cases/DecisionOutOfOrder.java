package org.opennrm.cases;

/** An identification decision asked for out of the order the NRM follows. */
public class DecisionOutOfOrder extends CaseRuleViolation {

    DecisionOutOfOrder(String messageKey, String message) {
        super(messageKey, message);
    }

    static DecisionOutOfOrder secondPreliminary() {
        return new DecisionOutOfOrder(
                "caseRule.secondPreliminary",
                "A preliminary decision was already taken on this case. A negative one can be reviewed instead.");
    }

    static DecisionOutOfOrder formalBeforePreliminary() {
        return new DecisionOutOfOrder(
                "caseRule.formalBeforePreliminary",
                "A formal decision needs a positive preliminary decision first (reasonable grounds).");
    }

    static DecisionOutOfOrder formalAfterNegativePreliminary() {
        return new DecisionOutOfOrder(
                "caseRule.formalAfterNegativePreliminary",
                "The preliminary decision was negative: it must be reviewed and reconsidered before a formal decision.");
    }

    static DecisionOutOfOrder secondFormal() {
        return new DecisionOutOfOrder(
                "caseRule.secondFormal",
                "A formal decision was already taken on this case. A negative one can be reviewed instead.");
    }

    static DecisionOutOfOrder reviewOfPositive() {
        return new DecisionOutOfOrder("caseRule.reviewOfPositive", "Only a negative decision can be reviewed.");
    }

    static DecisionOutOfOrder reviewedTwice() {
        return new DecisionOutOfOrder(
                "caseRule.reviewedTwice", "This decision was already reviewed: its review is kept in the history.");
    }

    static DecisionOutOfOrder reviewOfReplaced() {
        return new DecisionOutOfOrder(
                "caseRule.reviewOfReplaced",
                "This decision was replaced by a reconsidered one and can no longer be reviewed.");
    }

    static DecisionOutOfOrder dateInFuture() {
        return new DecisionOutOfOrder("caseRule.decisionDateInFuture", "A decision cannot be dated in the future.");
    }

    static DecisionOutOfOrder dateBeforeReferral() {
        return new DecisionOutOfOrder(
                "caseRule.decisionDateBeforeReferral", "A decision cannot be dated before the referral.");
    }
}
