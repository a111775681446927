package org.opennrm.monitoring.returns;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agencies' page: an agency reporter uploads the counts of a year or a quarter (or corrects approved ones with a reason) and sees
 * what was refused line by line; a statistician sees every agency's figures with the jumps flagged, approves them, and
 * sees for each return which agencies have reported.
 */
@Controller
@RequestMapping("/returns/agencies")
class AgencyReportsController {

    private static final String EITHER =
            "hasAuthority('returns:submit:organisation') or hasAuthority('statistics:release:all')";

    private final AgencyReports reports;
    private final AgencyDeadlines deadlines;

    private final org.springframework.context.MessageSource messages;

    AgencyReportsController(
            AgencyReports reports, AgencyDeadlines deadlines, org.springframework.context.MessageSource messages) {
        this.reports = reports;
        this.deadlines = deadlines;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(EITHER)
    String page(@RequestParam(required = false) Integer year, Model model) {
        int chosen = year == null ? Year.now().getValue() - 1 : year;
        ReportingPeriod.year(chosen);
        boolean statistician = Actor.current()
                .map(actor -> actor.can(Permission.STATISTICS_RELEASE, Scope.ALL))
                .orElse(false);
        model.addAttribute("year", chosen);
        model.addAttribute("agencies", Agency.values());
        model.addAttribute("reports", reports.reports(chosen));
        model.addAttribute("deadlines", deadlines.forYear(chosen));
        model.addAttribute("statistician", statistician);
        model.addAttribute("columns", String.join(",", AgencyUpload.COLUMNS));
        if (statistician) {
            Map<String, List<AgencyReports.Completeness>> completeness = new LinkedHashMap<>();
            for (String template : List.of(EurostatReturn.ID, UnodcReturn.ID)) {
                completeness.put(template, reports.completeness(template, chosen));
            }
            model.addAttribute("completeness", completeness);
        }
        return "monitoring/agencies";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('returns:submit:organisation')")
    String upload(
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String reason,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            java.util.Locale locale)
            throws IOException {
        int chosen = year == null ? Year.now().getValue() - 1 : year;
        try {
            var reader = file == null || file.isEmpty()
                    ? new StringReader("")
                    : new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
            reports.submit(agency(agency), period(chosen, quarter), reader, reason);
            redirect.addFlashAttribute("flash", "returns.agencies.sent.flash");
            return "redirect:/returns/agencies?year=" + chosen;
        } catch (AgencyUpload.Refused e) {
            // the file's problems, line by line, in the reader's language
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", FileProblem.words(e.lines, messages, locale));
            model.addAttribute("problemsLang", e.lang(messages, locale));
            return page(chosen, model);
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            problem(e, model, locale);
            return page(chosen, model);
        }
    }

    /** The statistics office sets when an agency's figures for a year are due; a refusal is shown at the form. */
    @PostMapping("/deadlines")
    @PreAuthorize("hasAuthority('statistics:release:all')")
    String deadline(
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String dueOn,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            java.util.Locale locale) {
        int chosen = year == null ? Year.now().getValue() - 1 : year;
        try {
            deadlines.set(agency(agency), chosen, date(dueOn));
            redirect.addFlashAttribute("flash", "returns.deadline.set.flash");
            return "redirect:/returns/agencies?year=" + chosen;
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "deadlineProblem", messages, locale);
            return page(chosen, model);
        }
    }

    private static java.time.LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolation("returns.refused.date", "Give the date as year-month-day, for example 2026-03-31.");
        }
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('statistics:release:all')")
    String approve(
            @PathVariable UUID id,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            java.util.Locale locale) {
        try {
            var report = reports.approve(id);
            redirect.addFlashAttribute("flash", "returns.agencies.approved.flash");
            return "redirect:/returns/agencies?year=" + report.year();
        } catch (org.opennrm.RecordNotFound e) {
            throw e;
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            problem(e, model, locale);
            return page(reports.find(id).map(AgencyReports.Report::year).orElse(null), model);
        }
    }

    /** A refusal in the reader's language where it has words there, else in English, marked so. */
    private void problem(RuleViolation e, Model model, java.util.Locale locale) {
        model.addAttribute("problems", List.of(e.words(messages, locale)));
        model.addAttribute("problemsLang", e.lang(messages, locale));
    }

    /** The year, or a quarter of it where one is chosen ({@code 1} to {@code 4}; empty for the whole year). */
    static AgencyPeriod period(int year, String quarter) {
        if (quarter == null || quarter.isBlank()) {
            return AgencyPeriod.year(year);
        }
        return switch (quarter.strip()) {
            case "1", "2", "3", "4" -> AgencyPeriod.quarter(year, Integer.parseInt(quarter.strip()));
            default ->
                throw new RuleViolation("returns.refused.quarter", "Choose the whole year or one of its quarters.");
        };
    }

    static Agency agency(String word) {
        try {
            return word == null || word.isBlank() ? null : Agency.valueOf(word.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("returns.refused.agencyList", "Choose the agency from the list.");
        }
    }
}
