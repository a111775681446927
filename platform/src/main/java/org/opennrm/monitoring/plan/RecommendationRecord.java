package org.opennrm.monitoring.plan;

import java.util.List;

/**
 * A recommendation with the measures that answer it, each with its plan and the status reports made on it (all of
 * them, or those since a date in the evaluator's view), newest first.
 */
public record RecommendationRecord(Recommendation recommendation, List<Answer> answers) {

    /** A measure linked to the recommendation, with its plan and its status reports. */
    public record Answer(Measure measure, Plan plan, List<StatusChange> reports) {}

    /** Whether anything was reported on any linked measure (in the span this record covers). */
    public boolean anyReports() {
        return answers.stream().anyMatch(answer -> !answer.reports().isEmpty());
    }
}
