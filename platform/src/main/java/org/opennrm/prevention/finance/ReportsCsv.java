package org.opennrm.prevention.finance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a file of coded reports: CSV with the header {@code reference,received_on,entity_type,indicators} and, if
 * known, {@code disseminated_on,investigation_on}; indicators are catalogue codes separated by {@code ;}, dates ISO.
 * Every line is checked by {@link ReportRules} and every problem reported with its line; the file is taken whole or
 * not at all.
 */
final class ReportsCsv {

    static final List<String> REQUIRED = List.of("reference", "received_on", "entity_type", "indicators");
    static final List<String> OPTIONAL = List.of("disseminated_on", "investigation_on");
    static final int MAX_CHARACTERS = 4 * 1024 * 1024;
    static final int MAX_REPORTS = 20_000;
    static final int MAX_PROBLEMS = 50;

    /** A line read: the report and its outcome. */
    record Line(int line, ReportDetails details, ReportOutcome outcome) {}

    private ReportsCsv() {}

    static List<Line> read(String text, RedFlagCatalogue catalogue, LocalDate today) {
        var file = CsvText.read(text, MAX_CHARACTERS, MAX_REPORTS, "finance.import.problem");
        List<CSVRecord> records = file.records();
        List<String> header = file.header();
        var problems = new ArrayList<LineProblem>();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                problems.add(LineProblem.at(1, "finance.import.problem.column", column));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                problems.add(LineProblem.at(1, "finance.import.problem.columnTwice", column));
            } else if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                problems.add(LineProblem.at(1, "finance.import.problem.columnUnknown", column));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportInvalid(problems, 0);
        }
        if (records.size() < 2) {
            throw new ImportInvalid(List.of(LineProblem.at(0, "finance.import.problem.noReport")), 0);
        }
        if (records.size() - 1 > MAX_REPORTS) {
            throw new ImportInvalid(List.of(LineProblem.at(0, "finance.import.problem.tooLarge", MAX_REPORTS)), 0);
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i), i);
        }
        var lines = new ArrayList<Line>();
        var references = new HashMap<String, Integer>();
        int more = 0;
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = (int) record.getRecordNumber();
            var found = new ArrayList<LineProblem>();
            if (record.size() != header.size()) {
                found.add(LineProblem.at(line, "finance.import.problem.fields", record.size(), header.size()));
            } else {
                var unreadable = new ArrayList<LineProblem>();
                LocalDate received = date(record, at, "received_on", line, unreadable);
                LocalDate disseminated = date(record, at, "disseminated_on", line, unreadable);
                LocalDate investigation = date(record, at, "investigation_on", line, unreadable);
                EntityType type = entityType(record.get(at.get("entity_type")));
                List<String> indicators =
                        Arrays.asList(record.get(at.get("indicators")).split(";"));
                var details = new ReportDetails(record.get(at.get("reference")), received, type, indicators);
                found.addAll(unreadable);
                ReportRules.check(details, catalogue, today).forEach((field, key) -> {
                    if (unreadable.stream()
                            .noneMatch(problem -> problem.arguments().contains(column(field)))) {
                        found.add(LineProblem.at(line, key.replace("finance.report.error", "finance.import.problem")));
                    }
                });
                var outcome = new ReportOutcome(disseminated, investigation);
                if (received != null) {
                    ReportRules.check(outcome, received, today)
                            .values()
                            .forEach(key -> found.add(LineProblem.at(
                                    line, key.replace("finance.report.error", "finance.import.problem"))));
                }
                Integer earlier = references.putIfAbsent(details.reference().strip(), line);
                if (earlier != null) {
                    found.add(LineProblem.at(line, "finance.import.problem.referenceTwice", String.valueOf(earlier)));
                }
                if (found.isEmpty()) {
                    lines.add(new Line(line, details, outcome));
                }
            }
            for (LineProblem problem : found) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(problem);
                } else {
                    more++;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportInvalid(problems, more);
        }
        return lines;
    }

    private static String column(String field) {
        return switch (field) {
            case "receivedOn" -> "received_on";
            default -> field;
        };
    }

    private static LocalDate date(
            CSVRecord record, Map<String, Integer> at, String column, int line, List<LineProblem> problems) {
        Integer index = at.get(column);
        if (index == null || record.get(index).isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(record.get(index));
        } catch (DateTimeParseException e) {
            problems.add(LineProblem.at(line, "finance.import.problem.date", column));
            return null;
        }
    }

    private static EntityType entityType(String text) {
        for (EntityType type : EntityType.values()) {
            if (type.name().equalsIgnoreCase(text.strip().replace(' ', '_').replace('-', '_'))) {
                return type;
            }
        }
        return null;
    }
}
