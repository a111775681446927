package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A problem of an uploaded file (an agency's counts, a population), keyed so that the page shows it in the reader's
 * language: its line (0 for the file as a whole) and what is wrong there, one or more parts each with its key and
 * arguments, and the same in English, which the API answers. The line is an argument as text, never grouped
 * ({@code Line {0}: {1}.}). A problem is itself a message: {@code messages.getMessage(problem, locale)} words it, the
 * parts in the reader's language too.
 */
final class FileProblem implements MessageSourceResolvable {

    /** {@code Line {0}: {1}.}: a line's number and what is wrong on it. */
    static final String LINE = "returns.file.line";

    /** {@code {0}; {1}}: two things wrong on one line. */
    static final String AND = "returns.file.and";

    /** {@code {0} {1}}: one problem after another, as a refusal's message lists them. */
    static final String THEN = "returns.file.then";

    private final int line;
    private final List<MessageSourceResolvable> parts;

    private FileProblem(int line, List<MessageSourceResolvable> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a problem says what is wrong");
        }
        this.line = line;
        this.parts = List.copyOf(parts);
    }

    /** A problem of the file as a whole: a sentence of its own. */
    static FileProblem file(String key, String english, Object... arguments) {
        return new FileProblem(0, List.of(part(key, english, arguments)));
    }

    /** A problem of one line: {@code english} is what is wrong there, without the line (lower case, no full stop). */
    static FileProblem line(int line, String key, String english, Object... arguments) {
        return new FileProblem(line, List.of(part(key, english, arguments)));
    }

    /** Several things wrong on one line, in the order found ({@link #part}). */
    static FileProblem line(int line, List<MessageSourceResolvable> parts) {
        return new FileProblem(line, parts);
    }

    /** One thing wrong on a line: its key, its words in English (lower case, no full stop) and its arguments. */
    static MessageSourceResolvable part(String key, String english, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {key}, arguments, english);
    }

    /**
     * A value of the file as a problem quotes it: its first 40 characters. A problem names what to correct; a value
     * of a hundred thousand characters, quoted whole on each line, made a page of megabytes.
     */
    static String quoted(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** The header is not the one of the file's kind. */
    static FileProblem columns(List<String> expected, List<String> found) {
        String columns = String.join(",", expected);
        String header = quoted(String.join(",", found));
        return file(
                "returns.file.columns",
                "The columns must be " + columns + "; the file has " + header + ".",
                columns,
                header);
    }

    /** The file cannot be read as CSV (the parser's own words are never shown). */
    static FileProblem notCsv(List<String> expected) {
        String columns = String.join(",", expected);
        return file("returns.file.notCsv", "The file is not a CSV file with the columns " + columns + ".", columns);
    }

    /** The line, 0 for the file as a whole. */
    int line() {
        return line;
    }

    /** The problem in English, as the API answers it: {@code Line 3: the count "-2" is not ...}. */
    String english() {
        String what = String.join(
                "; ",
                parts.stream().map(MessageSourceResolvable::getDefaultMessage).toList());
        return line == 0 ? what : "Line " + line + ": " + what + ".";
    }

    /** The problems in the reader's language, one a line, as a page lists them. */
    static List<String> words(List<FileProblem> problems, MessageSource messages, Locale locale) {
        return problems.stream()
                .map(problem -> messages.getMessage(problem, locale))
                .toList();
    }

    /** The problems in English, one a line. */
    static List<String> english(List<FileProblem> problems) {
        return problems.stream().map(FileProblem::english).toList();
    }

    /**
     * The problems one after another ({@link #THEN}), as one argument of a refusal's message: worded in the reader's
     * language where the message is.
     */
    static MessageSourceResolvable all(List<FileProblem> problems) {
        return joined(new ArrayList<>(problems), THEN, " ");
    }

    @Override
    public String[] getCodes() {
        return line == 0 ? parts.getFirst().getCodes() : new String[] {LINE};
    }

    @Override
    public Object[] getArguments() {
        return line == 0
                ? parts.getFirst().getArguments()
                : new Object[] {String.valueOf(line), joined(parts, AND, "; ")};
    }

    @Override
    public String getDefaultMessage() {
        return english();
    }

    @Override
    public String toString() {
        return english();
    }

    /** The items joined two by two under {@code key} ({@code {0}; {1}}), with the English joined by {@code separator}. */
    private static MessageSourceResolvable joined(
            List<? extends MessageSourceResolvable> items, String key, String separator) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        var rest = joined(items.subList(1, items.size()), key, separator);
        return new DefaultMessageSourceResolvable(
                new String[] {key},
                new Object[] {items.getFirst(), rest},
                items.getFirst().getDefaultMessage() + separator + rest.getDefaultMessage());
    }
}
