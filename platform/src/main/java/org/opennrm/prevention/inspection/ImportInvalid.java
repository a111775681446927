package org.opennrm.prevention.inspection;

import java.util.List;
import org.opennrm.RuleViolation;

/** Files refused whole, with every problem found (up to {@link InspectionCsv#MAX_PROBLEMS}); nothing was stored. */
public class ImportInvalid extends RuleViolation {

    private final List<ImportProblem> problems;
    private final int more;

    ImportInvalid(List<ImportProblem> problems, int more) {
        super(
                "inspection.import.invalid",
                "Nothing was imported: the files have " + (problems.size() + more) + " problems.",
                problems.size() + more);
        this.problems = List.copyOf(problems);
        this.more = more;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public int more() {
        return more;
    }
}
