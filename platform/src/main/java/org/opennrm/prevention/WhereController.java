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

    /** Column categories drawn as bars of their own at most; with more, the chart shows each row's total. */
    static final int CHART_SERIES = 8;

    private final CrossTables tables;
    private final CategoryLabels labels;
    private final org.springframework.context.MessageSource messages;
    private final tools.jackson.databind.json.JsonMapper json;

    WhereController(
            CrossTables tables,
            CategoryLabels labels,
            org.springframework.context.MessageSource messages,
            tools.jackson.databind.json.JsonMapper json) {
        this.tables = tables;
        this.labels = labels;
        this.messages = messages;
        this.json = json;
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
    String page(WhereForm form, Model model, HttpServletResponse response, java.util.Locale locale) {
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
            model.addAttribute("chart", chart(table, locale));
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
        }
        return "prevention/where";
    }

    /**
     * The chart's data for prevention.js: the row categories as words, and one series of bars per column category (or,
     * with more than {@link #CHART_SERIES} columns, one series of the rows' totals), each count with the 95% interval of
     * a small count. A withheld count is null, drawn as no bar: never guessed.
     */
    private String chart(CrossTable table, java.util.Locale locale) {
        List<String> rows = table.rowCategories().stream()
                .map(category -> labels.label(table.rows(), category, locale))
                .toList();
        List<java.util.Map<String, Object>> series = new java.util.ArrayList<>();
        if (table.columnCategories().size() <= CHART_SERIES) {
            for (int c = 0; c < table.columnCategories().size(); c++) {
                int column = c;
                series.add(series(
                        labels.label(table.columns(), table.columnCategories().get(c), locale),
                        table.cells().stream().map(row -> row.get(column)).toList()));
            }
        } else {
            series.add(series(messages.getMessage("prevention.trends.total", null, locale), table.rowTotals()));
        }
        var chart = new java.util.LinkedHashMap<String, Object>();
        chart.put("rows", rows);
        chart.put("series", series);
        return json.writeValueAsString(chart);
    }

    private static java.util.Map<String, Object> series(String label, List<Long> counts) {
        var lower = new java.util.ArrayList<Double>();
        var upper = new java.util.ArrayList<Double>();
        for (Long count : counts) {
            CountInterval interval = count == null || count >= CountInterval.SMALL ? null : CountInterval.of(count);
            lower.add(interval == null ? null : interval.lower());
            upper.add(interval == null ? null : interval.upper());
        }
        var line = new java.util.LinkedHashMap<String, Object>();
        line.put("label", label);
        line.put("counts", counts);
        line.put("lower", lower);
        line.put("upper", upper);
        return line;
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
