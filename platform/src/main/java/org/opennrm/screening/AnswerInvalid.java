package org.opennrm.screening;

import org.opennrm.RuleViolation;

/** An answer to a question the checklist does not have, or an answer that is not yes, no or don't know. */
public class AnswerInvalid extends RuleViolation {

    public AnswerInvalid(String message) {
        super(message);
    }

    static AnswerInvalid unknownQuestion(String checklist, String question) {
        return new AnswerInvalid("Checklist \"" + checklist + "\" has no question \"" + shortened(question) + "\".");
    }

    static AnswerInvalid unknownAnswer(String question, String answer) {
        return new AnswerInvalid("\"" + shortened(answer) + "\" is not an answer to question " + question
                + ": answer YES, NO or DONT_KNOW.");
    }

    // the input is echoed to its sender only, and cut short so that nothing long is ever repeated back
    static String shortened(String input) {
        return input == null || input.length() <= 40 ? input : input.substring(0, 40) + "…";
    }
}
