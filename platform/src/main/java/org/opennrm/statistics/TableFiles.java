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

    static List<List<String>> lines(ProtectedTable table) {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(table.rowDimension() + " \\ " + table.columnDimension());
        header.addAll(table.columns());
        header.add("total");
        lines.add(header);
        for (int r = 0; r <= table.rows().size(); r++) {
            List<String> line = new ArrayList<>();
            line.add(r < table.rows().size() ? table.rows().get(r) : "total");
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
                    suppression.reason().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return lines;
    }

    static byte[] csv(ProtectedTable table) {
        var out = new ByteArrayOutputStream();
        try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            for (List<String> line : lines(table)) {
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(ProtectedTable table) {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("table");
            List<List<String>> lines = lines(table);
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> line = lines.get(r);
                for (int c = 0; c < line.size(); c++) {
                    String value = line.get(c);
                    // counts as numbers, so that a spreadsheet can add them up
                    boolean number = r > 0 && r <= table.rows().size() + 1 && c > 0 && value.matches("\\d+");
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
