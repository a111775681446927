package org.opennrm.prevention.ads;

import java.util.List;
import org.opennrm.RuleViolation;

/** An ad file refused whole, with every problem found (up to {@link AdFile#MAX_PROBLEMS}) and how many more. */
public class AdsInvalid extends RuleViolation {

    private final List<AdProblem> problems;
    private final int more;

    AdsInvalid(List<AdProblem> problems, int more) {
        super(
                "ads.problem.invalid",
                "The ad file cannot be imported: " + (problems.size() + more) + " problems; nothing was imported.",
                problems.size() + more);
        this.problems = List.copyOf(problems);
        this.more = more;
    }

    public List<AdProblem> problems() {
        return problems;
    }

    public int more() {
        return more;
    }
}
