package org.opennrm.assistance;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A closure of a case with a durable solution and the reason, and the person's feedback when they gave it (in the
 * language they answered in). A reopened case keeps its earlier closures.
 */
public record Closure(
        UUID id,
        DurableSolution solution,
        String reason,
        String feedbackLanguage,
        Map<FeedbackQuestion, FeedbackAnswer> feedback,
        Instant closedAt) {

    public boolean hasFeedback() {
        return !feedback.isEmpty();
    }

    @Override
    public String toString() {
        return "Closure[" + id + " " + solution + "]";
    }
}
