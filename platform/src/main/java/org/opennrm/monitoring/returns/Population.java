package org.opennrm.monitoring.returns;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The population of the country by year, for rates per 100,000: the whole population and, where the indicator is
 * broken down by them, women and men, children and adults. Loaded from a file per year with the columns
 * {@code year,group,population} (groups TOTAL, FEMALE, MALE, CHILD, ADULT).
 */
record Population(Map<Integer, Map<String, Long>> byYear) {

    static final String TOTAL = "TOTAL";
    static final Set<String> GROUPS = Set.of(TOTAL, Codings.FEMALE, Codings.MALE, Codings.CHILD, Codings.ADULT);
    static final List<String> COLUMNS = List.of("year", "group", "population");

    Population {
        Map<Integer, Map<String, Long>> copy = new TreeMap<>();
        byYear.forEach((year, groups) -> copy.put(year, Map.copyOf(groups)));
        byYear = copy;
    }

    /** The population of a group in a year; null when the file gave none. */
    Long of(int year, String group) {
        var groups = byYear.get(year);
        return groups == null ? null : groups.get(group);
    }

    /** A population file that does not fit, with a problem per line. */
    static final class Refused extends FileRefused {

        Refused(List<FileProblem> problems) {
            super("returns.population.problem.notLoaded", "The population file was not loaded: ", problems);
        }
    }

    /** Reads a population file whole, or refuses it whole with a message for each line that does not fit. */
    static Population read(Reader file) {
        List<FileProblem> problems = new ArrayList<>();
        Map<Integer, Map<String, Long>> byYear = new TreeMap<>();
        try {
            var parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get()
                    .parse(file);
            var header = parser.getHeaderNames();
            if (!header.equals(COLUMNS)) {
                throw new Refused(List.of(FileProblem.columns(COLUMNS, header)));
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (record.size() != COLUMNS.size()) {
                    problems.add(
                            FileProblem.line(line, "returns.population.problem.values", "three values are needed"));
                    continue;
                }
                Integer year = whole(record.get(0));
                Integer population = whole(record.get(2));
                String group = record.get(1);
                if (year == null || year < 1990 || year > 2200) {
                    problems.add(FileProblem.line(
                            line,
                            "returns.population.problem.year",
                            "the year must be a whole number between 1990 and 2200"));
                } else if (!GROUPS.contains(group)) {
                    problems.add(FileProblem.line(
                            line,
                            "returns.population.problem.group",
                            "the group must be one of TOTAL, FEMALE, MALE, CHILD, ADULT"));
                } else if (population == null || population <= 0) {
                    problems.add(FileProblem.line(
                            line,
                            "returns.population.problem.population",
                            "the population must be a whole number above zero"));
                } else if (byYear.computeIfAbsent(year, y -> new TreeMap<>()).put(group, (long) population) != null) {
                    problems.add(FileProblem.line(
                            line,
                            "returns.population.problem.twice",
                            "the group " + group + " of " + year + " is given twice",
                            group,
                            String.valueOf(year)));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // the parser's own words are not shown: what is wrong, in the platform's
            problems.add(FileProblem.notCsv(COLUMNS));
        }
        byYear.forEach((year, groups) -> {
            if (!groups.containsKey(TOTAL)) {
                problems.add(FileProblem.file(
                        "returns.population.problem.noTotal",
                        "The year " + year + " has no TOTAL population.",
                        String.valueOf(year)));
            }
        });
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new Population(byYear);
    }

    private static Integer whole(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
