package org.opennrm.prevention.suppliers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.opennrm.prevention.finance.CsvText;
import org.opennrm.prevention.finance.ImportInvalid;
import org.opennrm.prevention.finance.LineProblem;

/**
 * Reads the two files of supplier screening: a list of employers found using forced labour ({@code name,country}) and
 * the office's supplier list ({@code reference,name,country}); country as ISO 3166-1 alpha-3, may be empty. Every line
 * is checked and every problem reported with its line; a file is taken whole or not at all.
 */
final class CompanyCsv {

    static final int MAX_CHARACTERS = 4 * 1024 * 1024;
    static final int MAX_LINES = 50_000;
    static final int MAX_NAME = 200;
    static final int MAX_PROBLEMS = 50;
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]{0,39}");
    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    /** A company as read: its reference (the office's, for suppliers; none for a listed employer), name, country. */
    record Company(int line, String reference, String name, String country) {}

    private CompanyCsv() {}

    static List<Company> employers(String text) {
        return read(text, List.of("name", "country"), false);
    }

    static List<Company> suppliers(String text) {
        return read(text, List.of("reference", "name", "country"), true);
    }

    private static List<Company> read(String text, List<String> columns, boolean referenced) {
        var file = CsvText.read(text, MAX_CHARACTERS, MAX_LINES, "finance.suppliers.problem");
        List<CSVRecord> records = file.records();
        List<String> header = file.header();
        var problems = new ArrayList<LineProblem>();
        for (String column : columns) {
            if (!header.contains(column)) {
                problems.add(LineProblem.at(1, "finance.suppliers.problem.column", column));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column) || !columns.contains(column)) {
                problems.add(LineProblem.at(1, "finance.suppliers.problem.columnUnknown", column));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportInvalid(problems, 0);
        }
        if (records.size() < 2) {
            throw new ImportInvalid(List.of(LineProblem.at(0, "finance.suppliers.problem.noLine")), 0);
        }
        if (records.size() - 1 > MAX_LINES) {
            throw new ImportInvalid(List.of(LineProblem.at(0, "finance.suppliers.problem.tooLarge", MAX_LINES)), 0);
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i), i);
        }
        var companies = new ArrayList<Company>();
        var references = new HashMap<String, Integer>();
        int more = 0;
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = (int) record.getRecordNumber();
            var found = new ArrayList<LineProblem>();
            if (record.size() != header.size()) {
                found.add(LineProblem.at(line, "finance.suppliers.problem.fields", record.size(), header.size()));
            } else {
                String name = record.get(at.get("name"));
                if (name.isEmpty() || name.length() > MAX_NAME) {
                    found.add(LineProblem.at(line, "finance.suppliers.problem.name"));
                }
                String country = record.get(at.get("country")).toUpperCase(Locale.ROOT);
                if (!country.isEmpty() && !COUNTRIES.contains(country)) {
                    found.add(LineProblem.at(line, "finance.suppliers.problem.country", record.get(at.get("country"))));
                }
                String reference = referenced ? record.get(at.get("reference")) : null;
                if (referenced) {
                    if (!REFERENCE.matcher(reference).matches()) {
                        found.add(LineProblem.at(line, "finance.suppliers.problem.reference"));
                    } else {
                        Integer earlier = references.putIfAbsent(reference, line);
                        if (earlier != null) {
                            found.add(LineProblem.at(
                                    line, "finance.suppliers.problem.referenceTwice", String.valueOf(earlier)));
                        }
                    }
                }
                if (found.isEmpty()) {
                    companies.add(new Company(line, reference, name, country.isEmpty() ? null : country));
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
        return companies;
    }
}
