package org.opennrm.monitoring.plan.report;

import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public pages of the yearly reports, open without signing in: the published reports, each as a page (in the
 * visitor's language where it has an edition in it) and as a PDF. A draft or approved report is not found here.
 */
@Controller
@RequestMapping("/public/reports")
class PublicReportController {

    private final PlanReports reports;

    PublicReportController(PlanReports reports) {
        this.reports = reports;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("reports", reports.published());
        return "plan/public-reports";
    }

    @GetMapping("/{reportId}")
    String report(@PathVariable UUID reportId, Model model) {
        var report = reports.publishedReport(reportId).orElseThrow(() -> new RecordNotFound("report", reportId));
        var edition = reports.edition(reportId, LocaleContextHolder.getLocale())
                .orElseThrow(() -> new RecordNotFound("report", reportId));
        model.addAttribute("report", report);
        model.addAttribute("article", edition.html());
        return "plan/public-report";
    }

    @GetMapping("/{reportId}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID reportId) {
        var report = reports.publishedReport(reportId).orElseThrow(() -> new RecordNotFound("report", reportId));
        var edition = reports.edition(reportId, LocaleContextHolder.getLocale())
                .orElseThrow(() -> new RecordNotFound("report", reportId));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("action-plan-report-" + report.year() + "-" + edition.language() + ".pdf")
                                .build()
                                .toString())
                .body(edition.pdf());
    }
}
