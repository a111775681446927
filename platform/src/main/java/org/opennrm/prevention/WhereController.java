package org.opennrm.prevention;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.CrossTable;
import org.opennrm.statistics.publishing.CrossTableRequest;
import org.opennrm.statistics.publishing.CrossTables;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Who is exploited where": cross-tables of forms, sectors, regions, countries, recruitment and control by who was
 * exploited, as published (disclosure-controlled and checked jointly against everything published), each small
 * count shown with its 95% interval and a warning, so that prevention units see which groups to reach where without
 * reading chance as a pattern.
 */
@Controller
class WhereController {

    private final CrossTables tables;
    private final CategoryLabels labels;
    private final org.springframework.context.MessageSource messages;

    WhereController(CrossTables tables, CategoryLabels labels, org.springframework.context.MessageSource messages) {
        this.tables = tables;
        this.labels = labels;
        this.messages = messages;
    }

    /** What the form asks; empty rows and columns take the first question prevention asks: which forms where. */
    record WhereForm(String rows, String columns, String from, String to) {

        WhereForm orDefaults() {
            return new WhereForm(
                    rows == null || rows.isBlank() ? "exploitation-form" : rows,
                    columns == null || columns.isBlank() ? "region" : columns,
                    from == null ? "" : from.strip(),
                    to == null ? "" : to.strip());
        }
    }

    /** A shown cell: the count (null where withheld) and its interval when small. */
    record Cell(Long count, CountInterval interval) {

        static Cell of(Long count) {
            return new Cell(count, count == null || count >= CountInterval.SMALL ? null : CountInterval.of(count));
        }

        public boolean small() {
            return interval != null && count > 0;
        }
    }

    @GetMapping("/prevention/where")
    @PreAuthorize(PreventionAccess.READ)
    String page(WhereForm form, Model model, HttpServletResponse response) {
        WhereForm asked = form.orDefaults();
        model.addAttribute("form", asked);
        model.addAttribute("dimensions", tables.dimensions());
        try {
            CrossTable table = cross(asked);
            List<List<Cell>> cells = table.cells().stream()
                    .map(row -> row.stream().map(Cell::of).toList())
                    .toList();
            model.addAttribute("table", table);
            model.addAttribute("cells", cells);
            model.addAttribute(
                    "rowTotals", table.rowTotals().stream().map(Cell::of).toList());
            model.addAttribute(
                    "columnTotals", table.columnTotals().stream().map(Cell::of).toList());
            model.addAttribute(
                    "smallCounts",
                    cells.stream().flatMap(List::stream).filter(Cell::small).count());
            model.addAttribute("small", CountInterval.SMALL);
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
        }
        return "prevention/where";
    }

    /**
     * The table as CSV, one record per count (cells, then row and column totals and the grand total): each category
     * as its code and its label (a total has no code), the count (empty where withheld) and the interval of a small
     * count.
     */
    @GetMapping("/prevention/where.csv")
    @PreAuthorize(PreventionAccess.READ)
    org.springframework.http.ResponseEntity<byte[]> csv(WhereForm form, java.util.Locale locale) {
        WhereForm asked = form.orDefaults();
        CrossTable table = cross(asked);
        String total = messages.getMessage("prevention.trends.total", null, locale);
        var out = new StringBuilder();
        try (var csv = new org.apache.commons.csv.CSVPrinter(
                out,
                org.apache.commons.csv.CSVFormat.DEFAULT
                        .builder()
                        .setRecordSeparator('\n')
                        .setHeader(
                                table.rows(),
                                table.rows() + "_label",
                                table.columns(),
                                table.columns() + "_label",
                                "count",
                                "lower_95",
                                "upper_95",
                                "withheld")
                        .get())) {
            for (int r = 0; r < table.rowCategories().size(); r++) {
                String row = table.rowCategories().get(r);
                for (int c = 0; c < table.columnCategories().size(); c++) {
                    String column = table.columnCategories().get(c);
                    record(
                            csv,
                            row,
                            labels.label(table.rows(), row, locale),
                            column,
                            labels.label(table.columns(), column, locale),
                            table.cells().get(r).get(c));
                }
                record(
                        csv,
                        row,
                        labels.label(table.rows(), row, locale),
                        "",
                        total,
                        table.rowTotals().get(r));
            }
            for (int c = 0; c < table.columnCategories().size(); c++) {
                String column = table.columnCategories().get(c);
                record(
                        csv,
                        "",
                        total,
                        column,
                        labels.label(table.columns(), column, locale),
                        table.columnTotals().get(c));
            }
            record(csv, "", total, "", total, table.grandTotal());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String name = "where-" + table.rows() + "-by-" + table.columns()
                + (asked.from().isEmpty() ? "" : "-" + asked.from())
                + (asked.to().isEmpty() ? "" : "-" + asked.to()) + ".csv";
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + name + "\"")
                .contentType(
                        new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void record(
            org.apache.commons.csv.CSVPrinter csv,
            String row,
            String rowLabel,
            String column,
            String columnLabel,
            Long count)
            throws java.io.IOException {
        CountInterval interval = count == null || count >= CountInterval.SMALL ? null : CountInterval.of(count);
        csv.printRecord(
                row,
                rowLabel,
                column,
                columnLabel,
                count == null ? "" : count,
                interval == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", interval.lower()),
                interval == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", interval.upper()),
                count == null);
    }

    private CrossTable cross(WhereForm asked) {
        return tables.cross(new CrossTableRequest(
                "referral",
                asked.rows(),
                asked.columns(),
                asked.from().isEmpty() ? null : asked.from(),
                asked.to().isEmpty() ? null : asked.to()));
    }
}
