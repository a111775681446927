package org.opennrm.prevention;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennrm.RuleViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/** The trends page: a published series by quarter, its chart with intervals, its flags, and its CSV. */
@Controller
class TrendsController {

    /** Lines drawn on the chart at most (the largest categories); the table and the CSV hold them all. */
    static final int CHART_LINES = 6;

    private final Trends trends;
    private final JsonMapper json;
    private final CategoryLabels labels;

    private final org.springframework.context.MessageSource messages;

    TrendsController(
            Trends trends, JsonMapper json, CategoryLabels labels, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.trends = trends;
        this.json = json;
        this.labels = labels;
    }

    /** What the form asks: an event, a breakdown (empty for the total), a period of quarters. */
    record TrendForm(String event, String breakdown, String from, String to) {

        TrendForm orDefaults(Trends trends) {
            return new TrendForm(
                    event == null || event.isBlank() ? "referral" : event,
                    breakdown == null ? "" : breakdown,
                    from == null || from.isBlank() ? trends.defaultStart().toString() : from.strip(),
                    to == null || to.isBlank() ? trends.lastCompleteQuarter().toString() : to.strip());
        }
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("events", trends.events());
        model.addAttribute("breakdowns", trends.breakdowns());
    }

    @GetMapping("/prevention/trends")
    @PreAuthorize(PreventionAccess.READ)
    String page(
            TrendForm form, Model model, jakarta.servlet.http.HttpServletResponse response, java.util.Locale locale) {
        TrendForm asked = form.orDefaults(trends);
        model.addAttribute("form", asked);
        try {
            Trend trend = trends.trend(asked.event(), asked.breakdown(), asked.from(), asked.to());
            model.addAttribute("trend", trend);
            model.addAttribute("chart", chart(trend));
            model.addAttribute("small", CountInterval.SMALL);
        } catch (RuleViolation e) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
        }
        return "prevention/trends";
    }

    @GetMapping("/prevention/trends.csv")
    @PreAuthorize(PreventionAccess.READ)
    ResponseEntity<byte[]> csv(TrendForm form) {
        TrendForm asked = form.orDefaults(trends);
        Trend trend = trends.trend(asked.event(), asked.breakdown(), asked.from(), asked.to());
        String name = "trend-" + trend.table().event()
                + (trend.table().breakdown() == null
                        ? ""
                        : "-by-" + trend.table().breakdown()) + "-"
                + asked.from() + "-" + asked.to() + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(trend.csv(category -> labels.label(trend.table().breakdown(), category))
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The chart's data for prevention.js: quarters, and per line its counts and the interval of its small counts. */
    private String chart(Trend trend) {
        List<Trend.Line> largest = new ArrayList<>(trend.lines());
        largest.sort(Comparator.comparingLong(Trend.Line::total).reversed());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Trend.Line line : largest.subList(0, Math.min(CHART_LINES, largest.size()))) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(
                    "label",
                    line.category() == null ? "" : labels.label(trend.table().breakdown(), line.category()));
            data.put("counts", line.counts());
            data.put(
                    "lower",
                    line.intervals().stream()
                            .map(i -> i == null || !i.small() ? null : i.lower())
                            .toList());
            data.put(
                    "upper",
                    line.intervals().stream()
                            .map(i -> i == null || !i.small() ? null : i.upper())
                            .toList());
            data.put("flags", line.flags().stream().map(ChangeFlag::period).toList());
            lines.add(data);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("quarters", trend.table().quarters());
        chart.put("lines", lines);
        return json.writeValueAsString(chart);
    }
}
