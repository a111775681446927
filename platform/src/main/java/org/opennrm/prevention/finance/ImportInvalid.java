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

    /** The problem detail every API answers for a refused file: 400, each problem with its line, in English. */
    public org.springframework.http.ProblemDetail problem(org.springframework.context.MessageSource messages) {
        var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatus.BAD_REQUEST,
                "Nothing was imported: the file has problems (" + more + " more).");
        problem.setTitle("Not possible");
        problem.setType(java.net.URI.create("urn:opennrm:problem:ImportInvalid"));
        problem.setProperty(
                "errors",
                problems.stream()
                        .map(p -> java.util.Map.of(
                                "line",
                                p.line(),
                                "message",
                                messages.getMessage(p.key(), p.messageArguments(), java.util.Locale.ENGLISH)))
                        .toList());
        return problem;
    }
}
