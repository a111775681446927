package org.opennrm.prevention.finance;

import java.util.List;

/** A file refused whole: every problem with its line (the first 50), and how many more there were. */
public class ImportInvalid extends RuntimeException {

    private final List<LineProblem> problems;
    private final int more;

    public ImportInvalid(List<LineProblem> problems, int more) {
        super(problems.size() + more + " problems in the file");
        this.problems = List.copyOf(problems);
        this.more = more;
    }

    public List<LineProblem> problems() {
        return problems;
    }

    public int more() {
        return more;
    }
}
