package org.opennrm.screening;

import org.opennrm.RuleViolation;

/** An answer to a question the checklist does not have, or an answer that is not yes, no or don't know. */
public class AnswerInvalid extends RuleViolation {

    public AnswerInvalid(String messageKey, String english, Object... arguments) {
        super(messageKey, english, arguments);
    }

    static AnswerInvalid unknownQuestion(String checklist, String question) {
        // a page names no question by its code: the person sees the question's text, never its id
        return new AnswerInvalid(
                "screening.refused.unknownQuestion",
                "Checklist \"" + checklist + "\" has no question \"" + shortened(question) + "\".");
    }

    static AnswerInvalid unknownAnswer(String question, String answer) {
        return new AnswerInvalid(
                "screening.refused.unknownAnswer",
                "\"" + shortened(answer) + "\" is not an answer to question " + question
                        + ": answer YES, NO or DONT_KNOW.",
                String.valueOf(shortened(answer)));
    }

    static AnswerInvalid unknownAgeGroup(String ageGroup) {
        return new AnswerInvalid(
                "screening.refused.ageGroup",
                "\"" + shortened(ageGroup) + "\" is not an age group: use ADULT, CHILD or UNKNOWN.",
                shortened(ageGroup));
    }

    static AnswerInvalid unknownForm(String form) {
        return new AnswerInvalid(
                "screening.refused.exploitationForm",
                "\"" + shortened(form) + "\" is not a form of exploitation: use one of "
                        + java.util.List.of(ExploitationForm.values()),
                String.valueOf(shortened(form)));
    }

    // the input is echoed to its sender only, and cut short so that nothing long is ever repeated back
    static String shortened(String input) {
        return input == null || input.length() <= 40 ? input : input.substring(0, 40) + "…";
    }
}
