package org.opennrm.prevention.finance;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The financial intelligence unit's pages: its coded reports with the coding form and the import, a report with what
 * became of it, the catalogue with its sources, and the feedback statistics (also for readers of prevention evidence,
 * after the minimum-count rule); and the unit's home panel.
 */
@Controller
class FinancialFlagsController {

    private final FinancialReports reports;
    private final RedFlagCatalogue catalogue;

    FinancialFlagsController(FinancialReports reports, RedFlagCatalogue catalogue) {
        this.reports = reports;
        this.catalogue = catalogue;
    }

    @GetMapping("/financial-flags")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    String reports(Model model) {
        return reportsPage(new ReportForm(), Map.of(), model);
    }

    @PostMapping("/financial-flags/reports")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    String code(@ModelAttribute("form") ReportForm form, Model model, HttpServletResponse response) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        try {
            FinancialReport report = reports.code(form.details(unreadable), unreadable);
            return "redirect:/financial-flags/reports/" + report.id() + "?coded";
        } catch (ReportInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return reportsPage(form, e.fields(), model);
        }
    }

    @PostMapping("/financial-flags/reports/import")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    String importReports(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "reports", required = false) String pasted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : pasted;
        try {
            redirect.addFlashAttribute("imported", reports.importCsv(text));
            return "redirect:/financial-flags";
        } catch (ImportInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("importProblems", e.problems());
            model.addAttribute("moreProblems", e.more());
            model.addAttribute("importText", text == null || text.length() > 200_000 ? "" : text);
            return reportsPage(new ReportForm(), Map.of(), model);
        }
    }

    @GetMapping("/financial-flags/reports/{id}")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    String report(@PathVariable UUID id, Model model) {
        return reportPage(reports.get(id), Map.of(), model);
    }

    @PostMapping("/financial-flags/reports/{id}/outcome")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    String outcome(
            @PathVariable UUID id,
            @RequestParam(name = "disseminatedOn", required = false) String disseminatedOn,
            @RequestParam(name = "investigationOn", required = false) String investigationOn,
            Model model,
            HttpServletResponse response) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        var outcome = new ReportOutcome(
                date(disseminatedOn, "disseminatedOn", unreadable),
                date(investigationOn, "investigationOn", unreadable));
        try {
            if (!unreadable.isEmpty()) {
                throw new ReportInvalid(unreadable);
            }
            reports.recordOutcome(id, outcome);
            return "redirect:/financial-flags/reports/" + id + "?recorded";
        } catch (ReportInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return reportPage(reports.get(id), e.fields(), model);
        }
    }

    @GetMapping("/financial-flags/catalogue")
    @PreAuthorize(FinancialFlagsAccess.STATISTICS)
    String catalogue(Model model) {
        model.addAttribute("catalogue", catalogue);
        return "prevention/finance/catalogue";
    }

    @GetMapping("/financial-flags/statistics")
    @PreAuthorize(FinancialFlagsAccess.STATISTICS)
    String statistics(Model model) {
        model.addAttribute("statistics", reports.statistics());
        return "prevention/finance/statistics";
    }

    @GetMapping("/financial-flags/panel")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    String panel(Model model) {
        model.addAttribute("reportCount", reports.count());
        return "prevention/finance/panel";
    }

    private String reportsPage(ReportForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reports", reports.mine());
        model.addAttribute("catalogue", catalogue);
        model.addAttribute("entityTypes", EntityType.values());
        return "prevention/finance/reports";
    }

    private String reportPage(FinancialReport report, Map<String, String> errors, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("catalogue", catalogue);
        return "prevention/finance/report";
    }

    private static LocalDate date(String text, String field, Map<String, String> unreadable) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            unreadable.put(field, "finance.report.error." + field);
            return null;
        }
    }
}
