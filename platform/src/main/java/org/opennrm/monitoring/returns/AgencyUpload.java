package org.opennrm.monitoring.returns;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opennrm.RuleViolation;

/**
 * An agency's counts as a CSV file with the columns {@code measure,sex,age_group,form,count}: one line per cell of the
 * breakdown ({@code ALL} where a measure is not broken down by that dimension). Read whole or refused whole, with a
 * message for every line that does not fit, so that nothing is stored half.
 */
final class AgencyUpload {

    static final List<String> COLUMNS = List.of("measure", "sex", "age_group", "form", "count");

    /** One count of the breakdown. */
    record Count(String measure, String sex, String ageGroup, String form, long count) {}

    /** An upload that does not fit: a message per line. */
    static final class Refused extends RuleViolation {
        final List<String> problems;

        Refused(List<String> problems) {
            super("Nothing was stored: " + String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }
    }

    private AgencyUpload() {}

    static List<Count> read(Reader file, Agency agency) {
        List<String> problems = new ArrayList<>();
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
                throw new Refused(List.of("The columns must be " + String.join(",", COLUMNS) + "; the file has "
                        + String.join(",", parser.getHeaderNames()) + "."));
            }
            Set<List<String>> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                String line = "Line " + (record.getRecordNumber() + 1) + ": ";
                if (record.size() != COLUMNS.size()) {
                    problems.add(line + "five values are needed (" + String.join(",", COLUMNS) + ").");
                    continue;
                }
                String measure = record.get(0);
                String sex = record.get(1);
                String age = record.get(2);
                String form = record.get(3);
                List<String> wrong = new ArrayList<>();
                if (!agency.measures().contains(measure)) {
                    wrong.add("the measure \"" + measure + "\" is not one of " + String.join(", ", agency.measures()));
                }
                if (!Agency.SEXES.contains(sex)) {
                    wrong.add("the sex \"" + sex + "\" is not one of " + String.join(", ", Agency.SEXES));
                }
                if (!Agency.AGES.contains(age)) {
                    wrong.add("the age group \"" + age + "\" is not one of " + String.join(", ", Agency.AGES));
                }
                if (!Agency.FORMS.contains(form)) {
                    wrong.add("the form \"" + form + "\" is not one of " + String.join(", ", Agency.FORMS));
                }
                if (wrong.isEmpty() && !agency.countsPersons(measure) && (!sex.equals("ALL") || !age.equals("ALL"))) {
                    wrong.add(measure + " does not count persons: its sex and age group must be ALL");
                }
                Long count = count(record.get(4));
                if (count == null) {
                    wrong.add("the count \"" + record.get(4) + "\" is not a whole number of zero or more");
                }
                if (wrong.isEmpty() && !seen.add(List.of(measure, sex, age, form))) {
                    wrong.add("this breakdown is given twice");
                }
                if (!wrong.isEmpty()) {
                    problems.add(line + String.join("; ", wrong) + ".");
                } else {
                    counts.add(new Count(measure, sex, age, form, count));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.add("The file is not a CSV file with the columns " + String.join(",", COLUMNS) + ".");
        }
        if (problems.isEmpty()) {
            problems.addAll(impossible(counts));
        }
        if (problems.isEmpty() && counts.isEmpty()) {
            problems.add("The file has no counts.");
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return counts;
    }

    /** Combinations that cannot be: more custodial sentences than persons convicted. */
    static List<String> impossible(List<Count> counts) {
        Map<String, Long> totals = totals(counts);
        List<String> problems = new ArrayList<>();
        if (totals.getOrDefault("CUSTODIAL_SENTENCES", 0L) > totals.getOrDefault("PERSONS_CONVICTED", 0L)) {
            problems.add("The file counts " + totals.get("CUSTODIAL_SENTENCES") + " custodial sentences but "
                    + totals.getOrDefault("PERSONS_CONVICTED", 0L) + " persons convicted: a sentence follows a"
                    + " conviction.");
        }
        if (totals.getOrDefault("INSPECTIONS_WITH_INDICATORS", 0L) > totals.getOrDefault("INSPECTIONS", 0L)) {
            problems.add("The file counts more inspections with trafficking indicators than inspections.");
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
