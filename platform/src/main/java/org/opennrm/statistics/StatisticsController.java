package org.opennrm.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.CategoryLabels;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics dashboard: choose two dimensions, a period and a region, read the disclosure-controlled
 * table with what was suppressed and why, see it as a chart, download it as CSV or XLSX.
 */
@Controller
@RequestMapping("/statistics")
class StatisticsController {

    private static final String READ = "hasAuthority('statistics:read:all')";

    private final NationalStatistics statistics;
    private final JsonMapper json;

    private final CategoryLabels labels;

    private final org.springframework.context.MessageSource messages;

    private final Clock clock;

    /** Quarters the dashboard shows when no period is asked for: the current one and the seven before it. */
    static final int DEFAULT_QUARTERS = 8;

    StatisticsController(
            NationalStatistics statistics,
            JsonMapper json,
            CategoryLabels labels,
            org.springframework.context.MessageSource messages,
            Clock clock) {
        this.messages = messages;
        this.clock = clock;
        this.statistics = statistics;
        this.json = json;
        this.labels = labels;
    }

    @GetMapping
    @PreAuthorize(READ)
    String dashboard(
            @RequestParam(defaultValue = "quarter") String rows,
            @RequestParam(defaultValue = "age-group") String columns,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String rounding,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        model.addAttribute(
                "dimensions",
                Arrays.stream(Dimension.values()).map(Dimension::word).toList());
        model.addAttribute(
                "events",
                Arrays.stream(EventKind.values())
                        .filter(kind -> kind != EventKind.AGENCY_FIGURE)
                        .toList());
        if (blank(from) && blank(to)) {
            // the last two years, not every quarter ever recorded: what a statistician opening the page looks at
            // first, and a table whose protection (linear programs per suppressed cell) takes a moment, not a
            // minute, on an installation with many years. The fields show the period, to widen it.
            int current = TableRequest.index(LocalDate.now(clock));
            from = TableRequest.quarter(current - (DEFAULT_QUARTERS - 1));
            to = TableRequest.quarter(current);
        }
        model.addAttribute("roundings", Rounding.values());
        model.addAttribute("rows", rows);
        model.addAttribute("columns", columns);
        model.addAttribute("event", event == null ? "" : event);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("rounding", rounding == null ? Rounding.NONE.name() : rounding);
        try {
            var request = TableRequest.of(rows, columns, event, from, to, region);
            var view = TableView.of(request, statistics.table(request, rounding(rounding)));
            model.addAttribute("table", view);
            model.addAttribute("chart", json.writeValueAsString(chart(view, labels, locale)));
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
        }
        return "statistics/dashboard";
    }

    @GetMapping("/tables/download")
    @PreAuthorize(READ)
    ResponseEntity<byte[]> download(
            @RequestParam String rows,
            @RequestParam String columns,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String rounding,
            @RequestParam(defaultValue = "csv") String format) {
        var request = TableRequest.of(rows, columns, event, from, to, region);
        return file(request, statistics.table(request, rounding(rounding)), format, TableFiles.Labels.of(labels));
    }

    /**
     * A download asked for with an unknown dimension, period or format: the reason, as plain text in the reader's
     * language.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(RuleViolation.class)
    ResponseEntity<String> refused(RuleViolation e, Locale locale) {
        return ResponseEntity.badRequest()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(e.words(messages, locale));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Rounding rounding(String word) {
        if (word == null || word.isBlank()) {
            return Rounding.NONE;
        }
        try {
            return Rounding.valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("statistics.problem.rounding", "Rounding is NONE, CONVENTIONAL or RANDOM.");
        }
    }

    /** A table asked for in a format other than CSV or XLSX. */
    static RuleViolation formatUnknown() {
        return new RuleViolation("statistics.problem.format", "A table downloads as csv or xlsx.");
    }

    /** What the chart draws: the table's counts under the reader's words for its categories. */
    static java.util.Map<String, Object> chart(TableView view, CategoryLabels labels, Locale locale) {
        var chart = new java.util.LinkedHashMap<String, Object>();
        chart.put("rowCategories", labels.labels(view.rows(), view.rowCategories(), locale));
        chart.put("columnCategories", labels.labels(view.columns(), view.columnCategories(), locale));
        chart.put("cells", view.cells());
        return chart;
    }

    static ResponseEntity<byte[]> file(
            TableRequest request, ProtectedTable table, String format, TableFiles.Labels labels) {
        String name =
                "opennrm-" + request.event().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-by-"
                        + request.rows().word() + "-and-" + request.columns().word();
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" ->
                ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(name + ".csv")
                                        .build()
                                        .toString())
                        .body(TableFiles.csv(table, labels));
            case "xlsx" ->
                ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(name + ".xlsx")
                                        .build()
                                        .toString())
                        .body(TableFiles.xlsx(table, labels));
            default -> throw formatUnknown();
        };
    }
}
