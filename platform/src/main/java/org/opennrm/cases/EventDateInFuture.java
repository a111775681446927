package org.opennrm.cases;

/** An event of the trafficking timeline dated after today. */
public class EventDateInFuture extends CaseRuleViolation {

    EventDateInFuture() {
        super("caseRule.eventDateInFuture", "An event cannot be dated in the future: give the date it happened.");
    }
}
