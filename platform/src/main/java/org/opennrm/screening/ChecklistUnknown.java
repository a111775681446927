package org.opennrm.screening;

import org.opennrm.RuleViolation;

/** A screening named a checklist that does not exist. */
public class ChecklistUnknown extends RuleViolation {

    public ChecklistUnknown(String checklist) {
        super("There is no checklist \"" + AnswerInvalid.shortened(checklist) + "\".");
    }
}
