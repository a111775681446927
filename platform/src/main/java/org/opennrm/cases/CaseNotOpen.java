package org.opennrm.cases;

/** A change asked of a closed case: a closed case keeps its record as it was closed. */
public class CaseNotOpen extends CaseRuleViolation {

    CaseNotOpen() {
        super("caseRule.caseClosed", "This case is closed: no decision or change can be recorded on it.");
    }
}
