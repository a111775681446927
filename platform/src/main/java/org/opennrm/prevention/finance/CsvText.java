package org.opennrm.prevention.finance;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of the FIU's or the procurement office's, read whole: its records (the header first) and its column names
 * in lower case; or the file refused whole when it is empty, too large or not CSV, with the label
 * {@code <problems>.empty}, {@code .tooLarge} (with the most lines allowed) or {@code .notCsv}.
 */
public record CsvText(List<CSVRecord> records, List<String> header) {

    public static CsvText read(String text, int maxCharacters, int maxLines, String problems) {
        if (text == null || text.isBlank()) {
            throw new ImportInvalid(List.of(LineProblem.at(0, problems + ".empty")), 0);
        }
        if (text.length() > maxCharacters) {
            throw new ImportInvalid(List.of(LineProblem.at(0, problems + ".tooLarge", maxLines)), 0);
        }
        List<CSVRecord> records;
        try (var parser = CSVParser.parse(
                new StringReader(text.strip()),
                CSVFormat.DEFAULT
                        .builder()
                        .setTrim(true)
                        .setIgnoreEmptyLines(true)
                        .get())) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ImportInvalid(List.of(LineProblem.at(0, problems + ".notCsv")), 0);
        }
        List<String> header = records.getFirst().toList().stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        return new CsvText(records, header);
    }
}
