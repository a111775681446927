package org.opennrm.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A published table as a file: CSV or XLSX, with the table, suppressed cells marked, and the disclosure
 * rules and suppressions beneath it so that a reader knows what was hidden and why.
 */
final class TableFiles {

    /** Marks a suppressed cell; the usual symbol of national statistical offices. */
    static final String SUPPRESSED = "x";

    private TableFiles() {}

    /** How a file names a category for people: dimension (a word) and category (null for a total) to a label. */
    interface Labels {
        String of(String dimension, String category);

        /** Codes only, where no reader's language is known. */
        Labels CODES = (dimension, category) -> category == null ? "total" : category;

        /** The reader's words, in the language of the request being answered. */
        static Labels of(org.opennrm.statistics.publishing.CategoryLabels labels) {
            var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
            return (dimension, category) -> labels.label(dimension, category, locale);
        }
    }

    /*
     * Codes first (so a program reading the file finds the same codes in every language and year), and the
     * reader's words beside them: a second header line for the columns, a second column for the rows.
     */
    static List<List<String>> lines(ProtectedTable table, Labels labels) {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(table.rowDimension() + " \\ " + table.columnDimension());
        header.add("label");
        header.addAll(table.columns());
        header.add("total");
        lines.add(header);
        List<String> labelLine = new ArrayList<>();
        labelLine.add("label");
        labelLine.add("");
        table.columns().forEach(column -> labelLine.add(labels.of(table.columnDimension(), column)));
        labelLine.add(labels.of(table.columnDimension(), null));
        lines.add(labelLine);
        for (int r = 0; r <= table.rows().size(); r++) {
            List<String> line = new ArrayList<>();
            boolean total = r == table.rows().size();
            line.add(total ? "total" : table.rows().get(r));
            line.add(labels.of(table.rowDimension(), total ? null : table.rows().get(r)));
            for (int c = 0; c <= table.columns().size(); c++) {
                Long value = table.cells()[r][c];
                line.add(value == null ? SUPPRESSED : value.toString());
            }
            lines.add(line);
        }
        var check = table.check();
        lines.add(List.of());
        lines.add(List.of(
                "disclosure control",
                "minimum cell size " + check.minimumCellSize(),
                "protection range " + check.protectionRange(),
                "rounding " + check.rounding().name().toLowerCase(java.util.Locale.ROOT),
                SUPPRESSED + " = suppressed"));
        for (var suppression : check.suppressions()) {
            lines.add(List.of(
                    "suppressed",
                    suppression.row() == null ? "total" : suppression.row(),
                    suppression.column() == null ? "total" : suppression.column(),
                    suppression.reason().name().toLowerCase(java.util.Locale.ROOT),
                    labels.of(table.rowDimension(), suppression.row()),
                    labels.of(table.columnDimension(), suppression.column())));
        }
        return lines;
    }

    static byte[] csv(ProtectedTable table, Labels labels) {
        var out = new ByteArrayOutputStream();
        try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            for (List<String> line : lines(table, labels)) {
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(ProtectedTable table, Labels labels) {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("table");
            List<List<String>> lines = lines(table, labels);
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> line = lines.get(r);
                for (int c = 0; c < line.size(); c++) {
                    String value = line.get(c);
                    // counts as numbers, so that a spreadsheet can add them up
                    boolean number = r > 1 && r <= table.rows().size() + 2 && c > 1 && value.matches("\\d+");
                    if (number) {
                        row.createCell(c).setCellValue(Long.parseLong(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
