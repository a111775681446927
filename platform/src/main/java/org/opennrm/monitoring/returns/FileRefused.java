package org.opennrm.monitoring.returns;

import java.util.List;
import org.opennrm.RuleViolation;

/**
 * An uploaded file refused whole (an agency's counts, a population), with a problem per line that does not fit:
 * keyed for the page, which words them in the reader's language, and in English for the API.
 */
abstract class FileRefused extends RuleViolation {

    /** The problems in English, one a line, as the API answers them. */
    final List<String> problems;

    /** The same problems, keyed: the page words them in the reader's language. */
    final List<FileProblem> lines;

    /** {@code key} words the refusal with the problems as its one argument; {@code english} comes before them. */
    FileRefused(String key, String english, List<FileProblem> problems) {
        super(key, english + String.join(" ", FileProblem.english(problems)), FileProblem.all(problems));
        this.problems = FileProblem.english(problems);
        this.lines = List.copyOf(problems);
    }
}
