package org.opennrm.prevention;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennrm.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/** The early-warning page: paste or upload a series of one's own, read its flags and see them on a chart. */
@Controller
@RequestMapping("/prevention/early-warning")
class EarlyWarningController {

    private final EarlyWarnings earlyWarnings;
    private final JsonMapper json;
    private final org.springframework.context.MessageSource messages;

    EarlyWarningController(
            EarlyWarnings earlyWarnings, JsonMapper json, org.springframework.context.MessageSource messages) {
        this.earlyWarnings = earlyWarnings;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(PreventionAccess.READ)
    String form(Model model) {
        model.addAttribute("series", "");
        model.addAttribute("minimumPeriods", earlyWarnings.minimumPeriods());
        return "prevention/early-warning";
    }

    @PostMapping
    @PreAuthorize(PreventionAccess.READ)
    String check(
            @RequestParam(name = "series", required = false) String text,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response,
            java.util.Locale locale)
            throws IOException {
        String csv = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
        model.addAttribute("series", csv == null ? "" : csv);
        model.addAttribute("minimumPeriods", earlyWarnings.minimumPeriods());
        try {
            Series series = SeriesCsv.parse(csv);
            EarlyWarningReport report = earlyWarnings.check(csv);
            model.addAttribute("report", report);
            model.addAttribute("chart", chart(series, report.flags()));
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
        }
        return "prevention/early-warning";
    }

    /** The chart's data: periods, values and the flagged periods, read by prevention.js. */
    private String chart(Series series, List<ChangeFlag> flags) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", series.periods().stream().map(Period::toString).toList());
        chart.put("values", series.values());
        chart.put("flags", flags.stream().map(ChangeFlag::period).toList());
        return json.writeValueAsString(chart);
    }
}
