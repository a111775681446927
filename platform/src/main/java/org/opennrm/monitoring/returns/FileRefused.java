package org.opennrm.monitoring.returns;

import java.util.ArrayList;
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

    /**
     * At most this many problems are listed, then how many more lines have one: a file of a hundred thousand wrong
     * lines gets a page and an answer a person can read, and its words are joined one to the next ({@link
     * FileProblem#all}) no deeper than this.
     */
    static final int LISTED = 100;

    /** {@code key} words the refusal with the problems as its one argument; {@code english} comes before them. */
    FileRefused(String key, String english, List<FileProblem> problems) {
        List<FileProblem> listed = listed(problems);
        super(key, english + String.join(" ", FileProblem.english(listed)), FileProblem.all(listed));
        this.problems = FileProblem.english(listed);
        this.lines = listed;
    }

    private static List<FileProblem> listed(List<FileProblem> problems) {
        if (problems.size() <= LISTED) {
            return List.copyOf(problems);
        }
        int more = problems.size() - LISTED;
        var listed = new ArrayList<>(problems.subList(0, LISTED));
        listed.add(FileProblem.file("returns.file.more", more + " more lines have problems too.", more));
        return List.copyOf(listed);
    }
}
