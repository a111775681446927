package org.opennrm.assistance;

import java.util.EnumMap;
import java.util.Map;

/**
 * Closing a case: the durable solution, the reason, and the person's optional feedback, one answer per question
 * in the language the person answered in.
 */
public record ClosureForm(
        DurableSolution solution,
        String reason,
        String feedbackLanguage,
        FeedbackAnswer feltSafe,
        FeedbackAnswer feltRespected,
        FeedbackAnswer understoodRights,
        FeedbackAnswer needsMet,
        FeedbackAnswer wouldRecommend) {

    /** The answers given, leaving out questions not answered. */
    Map<FeedbackQuestion, FeedbackAnswer> answers() {
        var answers = new EnumMap<FeedbackQuestion, FeedbackAnswer>(FeedbackQuestion.class);
        put(answers, FeedbackQuestion.FELT_SAFE, feltSafe);
        put(answers, FeedbackQuestion.FELT_RESPECTED, feltRespected);
        put(answers, FeedbackQuestion.UNDERSTOOD_RIGHTS, understoodRights);
        put(answers, FeedbackQuestion.NEEDS_MET, needsMet);
        put(answers, FeedbackQuestion.WOULD_RECOMMEND, wouldRecommend);
        return answers;
    }

    private static void put(
            Map<FeedbackQuestion, FeedbackAnswer> answers, FeedbackQuestion question, FeedbackAnswer answer) {
        if (answer != null && answer != FeedbackAnswer.NO_ANSWER) {
            answers.put(question, answer);
        }
    }

    @Override
    public String toString() {
        return "ClosureForm[" + solution + "]";
    }
}
