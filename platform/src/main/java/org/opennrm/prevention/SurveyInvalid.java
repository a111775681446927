package org.opennrm.prevention;

import java.util.List;
import org.opennrm.RuleViolation;

/** A survey file refused whole, with every problem found (up to {@link SurveyCsv#MAX_PROBLEMS}). */
class SurveyInvalid extends RuleViolation {

    private final List<SurveyProblem> problems;
    private final int more;

    SurveyInvalid(List<SurveyProblem> problems, int more) {
        super(
                "prevention.survey.invalid",
                "The survey file cannot be imported: " + (problems.size() + more) + " problems.",
                problems.size() + more);
        this.problems = List.copyOf(problems);
        this.more = more;
    }

    List<SurveyProblem> problems() {
        return problems;
    }

    /** Problems found beyond those listed. */
    int more() {
        return more;
    }
}
