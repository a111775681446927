package org.opennrm.prevention.inspection;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the inspectorate's two files: the workplace register ({@code workplace,sector,region,employees}) and the
 * inspection history ({@code workplace,date,violation,indicators,by_lot}). Sector is the NACE Rev. 2 section letter
 * (A to U); yes/no columns take yes/no, true/false or 1/0; indicators is the number of trafficking or forced-labour
 * indicators found (yes counts as 1). Every problem is collected with its line; nothing is kept from a file with one.
 */
final class InspectionCsv {

    static final int MAX_PROBLEMS = 50;
    static final int MAX_LINES = 500_000;
    static final List<String> REGISTER = List.of("workplace", "sector", "region", "employees");
    static final List<String> INSPECTIONS = List.of("workplace", "date", "violation", "indicators", "by_lot");
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    private final List<ImportProblem> problems = new ArrayList<>();
    private int more;

    List<Workplace> register(String text) {
        var workplaces = new LinkedHashMap<String, Workplace>();
        for (CSVRecord row : rows("register", text, REGISTER)) {
            int line = (int) row.getRecordNumber() + 1;
            String reference = reference("register", line, row.get("workplace"));
            String sector = row.get("sector").strip().toUpperCase(Locale.ROOT);
            if (sector.length() != 1 || sector.charAt(0) < 'A' || sector.charAt(0) > 'U') {
                problem(
                        "register",
                        line,
                        "inspection.import.error.sector",
                        row.get("sector").strip());
                sector = null;
            }
            String region = row.get("region").strip();
            if (region.isEmpty() || region.length() > 100) {
                problem("register", line, "inspection.import.error.region");
                region = null;
            }
            Integer employees =
                    integer("register", line, row.get("employees"), 0, 1_000_000, "inspection.import.error.employees");
            if (reference != null && workplaces.containsKey(reference)) {
                problem("register", line, "inspection.import.error.duplicateWorkplace", reference);
            } else if (reference != null && sector != null && region != null && employees != null) {
                workplaces.put(reference, new Workplace(reference, sector, region, employees));
            }
        }
        return List.copyOf(workplaces.values());
    }

    /** The inspections, each of a workplace in {@code known} (the register stored or imported with it). */
    List<Inspection> inspections(String text, Set<String> known, LocalDate today) {
        var inspections = new ArrayList<Inspection>();
        var seen = new HashSet<String>();
        for (CSVRecord row : rows("inspections", text, INSPECTIONS)) {
            int line = (int) row.getRecordNumber() + 1;
            String reference = reference("inspections", line, row.get("workplace"));
            if (reference != null && !known.contains(reference)) {
                problem("inspections", line, "inspection.import.error.unknownWorkplace", reference);
                reference = null;
            }
            LocalDate on = null;
            try {
                on = LocalDate.parse(row.get("date").strip());
                if (on.isBefore(EARLIEST) || on.isAfter(today)) {
                    problem(
                            "inspections",
                            line,
                            "inspection.import.error.dateRange",
                            row.get("date").strip());
                    on = null;
                }
            } catch (DateTimeParseException e) {
                problem(
                        "inspections",
                        line,
                        "inspection.import.error.date",
                        row.get("date").strip());
            }
            Boolean violation = yesNo("inspections", line, row.get("violation"), "inspection.import.error.violation");
            Integer indicators = indicators(line, row.get("indicators"));
            Boolean byLot = yesNo("inspections", line, row.get("by_lot"), "inspection.import.error.byLot");
            if (reference != null && on != null && !seen.add(reference + "|" + on)) {
                problem("inspections", line, "inspection.import.error.duplicateInspection", reference, on.toString());
            } else if (reference != null && on != null && violation != null && indicators != null && byLot != null) {
                inspections.add(new Inspection(reference, on, violation, indicators, byLot));
            }
        }
        return inspections;
    }

    void failIfProblems() {
        if (!problems.isEmpty()) {
            throw new ImportInvalid(problems, more);
        }
    }

    private List<CSVRecord> rows(String file, String text, List<String> header) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try (var parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(new StringReader(text.strip()))) {
            Map<String, Integer> columns = parser.getHeaderMap();
            var expected = new java.util.TreeSet<>(header);
            var found = new java.util.TreeSet<String>();
            columns.keySet().forEach(c -> found.add(c.strip().toLowerCase(Locale.ROOT)));
            if (!found.equals(expected) || !columns.keySet().containsAll(header)) {
                problem(file, 1, "inspection.import.error.header", String.join(",", header));
                return List.of();
            }
            var records = new ArrayList<CSVRecord>();
            for (CSVRecord record : parser) {
                if (records.size() >= MAX_LINES) {
                    problem(file, 0, "inspection.import.error.tooLong", MAX_LINES);
                    return List.of();
                }
                if (!record.isConsistent()) {
                    problem(file, (int) record.getRecordNumber() + 1, "inspection.import.error.columns", header.size());
                    continue;
                }
                records.add(record);
            }
            return records;
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problem(file, 0, "inspection.import.error.unreadable");
            return List.of();
        }
    }

    private String reference(String file, int line, String value) {
        String reference = value.strip();
        if (!REFERENCE.matcher(reference).matches()) {
            problem(file, line, "inspection.import.error.workplace");
            return null;
        }
        return reference;
    }

    private Integer integer(String file, int line, String value, int min, int max, String key) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the problem below
        }
        problem(file, line, key, value.strip());
        return null;
    }

    private Integer indicators(int line, String value) {
        Boolean yesNo = parseYesNo(value);
        if (yesNo != null) {
            return yesNo ? 1 : 0;
        }
        return integer("inspections", line, value, 0, 1000, "inspection.import.error.indicators");
    }

    private Boolean yesNo(String file, int line, String value, String key) {
        Boolean answer = parseYesNo(value);
        if (answer == null) {
            problem(file, line, key, value.strip());
        }
        return answer;
    }

    private static Boolean parseYesNo(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "1" -> Boolean.TRUE;
            case "no", "false", "n", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private void problem(String file, int line, String key, Object... arguments) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(ImportProblem.at(file, line, key, arguments));
        } else {
            more++;
        }
    }
}
