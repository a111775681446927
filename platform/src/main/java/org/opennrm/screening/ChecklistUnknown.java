package org.opennrm.screening;

import org.opennrm.RuleViolation;

/** A screening named a checklist that does not exist, or a version of it that never existed. */
public class ChecklistUnknown extends RuleViolation {

    public ChecklistUnknown(String checklist) {
        super(
                "screening.refused.unknownChecklist",
                "There is no checklist \"" + AnswerInvalid.shortened(checklist) + "\".",
                String.valueOf(AnswerInvalid.shortened(checklist)));
    }

    private ChecklistUnknown(String checklist, String version) {
        super(
                "screening.refused.unknownVersion",
                "Checklist \"" + AnswerInvalid.shortened(checklist) + "\" has no version \""
                        + AnswerInvalid.shortened(version) + "\".",
                String.valueOf(AnswerInvalid.shortened(checklist)),
                String.valueOf(AnswerInvalid.shortened(version)));
    }

    static ChecklistUnknown version(String checklist, String version) {
        return new ChecklistUnknown(checklist, version);
    }
}
