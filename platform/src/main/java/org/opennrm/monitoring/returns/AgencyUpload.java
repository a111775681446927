package org.opennrm.monitoring.returns;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSourceResolvable;

/**
 * An agency's counts as a CSV file with the columns {@code measure,sex,age_group,form,count}: one line per cell of the
 * breakdown ({@code ALL} where a measure is not broken down by that dimension). Read whole or refused whole, with a
 * message for every line that does not fit, so that nothing is stored half.
 */
final class AgencyUpload {

    static final List<String> COLUMNS = List.of("measure", "sex", "age_group", "form", "count");

    /** One count of the breakdown. */
    record Count(String measure, String sex, String ageGroup, String form, long count) {}

    /** An upload that does not fit: a problem per line. */
    static final class Refused extends FileRefused {

        Refused(List<FileProblem> problems) {
            super("returns.agencies.problem.nothingStored", "Nothing was stored: ", problems);
        }
    }

    private AgencyUpload() {}

    static List<Count> read(Reader file, Agency agency) {
        List<FileProblem> problems = new ArrayList<>();
        List<Count> counts = new ArrayList<>();
        try {
            var parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(file);
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new Refused(List.of(FileProblem.columns(COLUMNS, parser.getHeaderNames())));
            }
            Set<List<String>> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (record.size() != COLUMNS.size()) {
                    problems.add(FileProblem.line(
                            line,
                            "returns.agencies.problem.values",
                            "five values are needed (" + String.join(",", COLUMNS) + ")",
                            String.join(",", COLUMNS)));
                    continue;
                }
                String measure = record.get(0);
                String sex = record.get(1);
                String age = record.get(2);
                String form = record.get(3);
                List<MessageSourceResolvable> wrong = new ArrayList<>();
                oneOf(wrong, "returns.agencies.problem.measure", "measure", measure, agency.measures());
                oneOf(wrong, "returns.agencies.problem.sex", "sex", sex, Agency.SEXES);
                oneOf(wrong, "returns.agencies.problem.age", "age group", age, Agency.AGES);
                oneOf(wrong, "returns.agencies.problem.form", "form", form, Agency.FORMS);
                if (wrong.isEmpty() && !agency.countsPersons(measure) && (!sex.equals("ALL") || !age.equals("ALL"))) {
                    wrong.add(FileProblem.part(
                            "returns.agencies.problem.notPersons",
                            measure + " does not count persons: its sex and age group must be ALL",
                            measure));
                }
                Long count = count(record.get(4));
                if (count == null) {
                    String quoted = FileProblem.quoted(record.get(4));
                    wrong.add(FileProblem.part(
                            "returns.agencies.problem.count",
                            "the count \"" + quoted + "\" is not a whole number of zero or more",
                            quoted));
                }
                if (wrong.isEmpty() && !seen.add(List.of(measure, sex, age, form))) {
                    wrong.add(FileProblem.part("returns.agencies.problem.twice", "this breakdown is given twice"));
                }
                if (!wrong.isEmpty()) {
                    problems.add(FileProblem.line(line, wrong));
                } else {
                    counts.add(new Count(measure, sex, age, form, count));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // the parser's own words are not shown: what is wrong, in the platform's
            problems.add(FileProblem.notCsv(COLUMNS));
        }
        if (problems.isEmpty()) {
            problems.addAll(impossible(counts));
        }
        if (problems.isEmpty() && counts.isEmpty()) {
            problems.add(FileProblem.file("returns.agencies.problem.noCounts", "The file has no counts."));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return counts;
    }

    /** A value of the file that is not one of those allowed: under {@code key}, with the value and the list. */
    private static void oneOf(
            List<MessageSourceResolvable> wrong, String key, String what, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            String list = String.join(", ", allowed);
            String quoted = FileProblem.quoted(value);
            wrong.add(FileProblem.part(key, "the " + what + " \"" + quoted + "\" is not one of " + list, quoted, list));
        }
    }

    /** Combinations that cannot be: more custodial sentences than persons convicted. */
    static List<FileProblem> impossible(List<Count> counts) {
        Map<String, Long> totals = totals(counts);
        List<FileProblem> problems = new ArrayList<>();
        long sentences = totals.getOrDefault("CUSTODIAL_SENTENCES", 0L);
        long convicted = totals.getOrDefault("PERSONS_CONVICTED", 0L);
        if (sentences > convicted) {
            problems.add(FileProblem.file(
                    "returns.agencies.problem.sentences",
                    "The file counts " + sentences + " custodial sentences but " + convicted + " persons convicted: a"
                            + " sentence follows a conviction.",
                    sentences,
                    convicted));
        }
        if (totals.getOrDefault("INSPECTIONS_WITH_INDICATORS", 0L) > totals.getOrDefault("INSPECTIONS", 0L)) {
            problems.add(FileProblem.file(
                    "returns.agencies.problem.inspections",
                    "The file counts more inspections with trafficking indicators than inspections."));
        }
        return problems;
    }

    /** Each measure's total: the sum of its breakdown. */
    static Map<String, Long> totals(List<Count> counts) {
        Map<String, Long> totals = new HashMap<>();
        counts.forEach(count -> totals.merge(count.measure(), count.count(), Long::sum));
        return totals;
    }

    private static Long count(String text) {
        try {
            long value = Long.parseLong(text);
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
