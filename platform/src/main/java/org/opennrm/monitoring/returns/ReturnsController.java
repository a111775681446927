package org.opennrm.monitoring.returns;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The returns pages: a statistician fills a return for a year under chosen counting rules and checks each cell
 * against its rule, sends it for publication (a release of its tables), a second statistician approves it, and the
 * published return downloads in the body's format. The population file for SDG 16.2.2 is loaded here too.
 */
@Controller
@RequestMapping("/returns")
class ReturnsController {

    private static final String RELEASE = "hasAuthority('statistics:release:all')";
    private static final String READ = "hasAuthority('statistics:read:all')";

    private final OfficialReturns returns;
    private final AgencyReports agencies;

    private final org.springframework.context.MessageSource messages;

    ReturnsController(
            OfficialReturns returns, AgencyReports agencies, org.springframework.context.MessageSource messages) {
        this.returns = returns;
        this.agencies = agencies;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(RELEASE)
    String list(@ModelAttribute("form") ReturnForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("templates", returns.templates());
        model.addAttribute("sent", returns.all());
        model.addAttribute("population", returns.population());
        model.addAttribute("formRules", CountingRules.FormRule.values());
        model.addAttribute("yearBases", CountingRules.YearBasis.values());
        return "monitoring/returns";
    }

    @GetMapping("/draft")
    @PreAuthorize(RELEASE)
    String draft(
            @ModelAttribute("form") ReturnForm form,
            @RequestParam(name = "otherEstimate", required = false) String otherEstimate,
            Model model,
            HttpServletResponse response,
            java.util.Locale locale) {
        if (otherEstimate != null && !otherEstimate.isBlank()) {
            // a job the statistician names stands instead of one from the list
            form = new ReturnForm(form.template(), form.year(), form.forms(), form.basis(), otherEstimate);
        }
        try {
            var rules = form.rules();
            var chosen = returns.template(form.template());
            var filled = returns.fill(chosen.id(), chosen.period(form.year()), rules);
            if (filled.template().equals(Sdg1622Return.ID)) {
                model.addAttribute("estimates", returns.completedEstimates(form.year()));
                try {
                    var estimated = returns.estimatedTotal(filled, form.estimate());
                    if (estimated != null) {
                        filled = estimated.applyTo(filled);
                    }
                    model.addAttribute("estimated", estimated);
                } catch (EstimatedTotal.Refused e) {
                    // the draft stays, with the reason at the field; nothing is sent with a refused estimate
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    e.showOn(model, "estimateProblem", messages, locale);
                }
            }
            model.addAttribute("filled", filled);
            model.addAttribute("violations", Additivity.violations(filled));
            var notPublishable = ReleaseSources.refusal(filled.template(), filled.period(), rules);
            if (notPublishable != null) {
                notPublishable.showOn(model, "notPublishable", messages, locale);
            }
            model.addAttribute("drops", returns.drops(form.year()));
            model.addAttribute("organisationDrops", returns.organisationDrops(form.year()));
            // the agencies' approved criminal-justice figures, shown beside the draft only: not published with it
            // (by calendar year: for the TIP report's April to March year, the calendar year holding most of it)
            model.addAttribute("justiceYear", chosen.agencyYear(form.year()));
            model.addAttribute(
                    "justice",
                    agencies.approvedFor(
                            filled.template(), chosen.agencyYear(form.year()), chosen.agencyQuarters(form.year())));
            return "monitoring/return-draft";
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
            return list(form, model);
        }
    }

    @PostMapping
    @PreAuthorize(RELEASE)
    String send(
            @ModelAttribute("form") ReturnForm form,
            Model model,
            HttpServletResponse response,
            java.util.Locale locale) {
        try {
            var sent = returns.send(returns.template(form.template()).id(), form.year(), form.rules(), form.estimate());
            return "redirect:/returns/" + sent.id();
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
            return list(form, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize(RELEASE)
    String sent(@PathVariable UUID id, Model model) {
        var sent = returns.find(id).orElseThrow(() -> new RecordNotFound("official return", id));
        model.addAttribute("sent", sent);
        model.addAttribute("formats", ReturnFiles.formats(sent.template()));
        model.addAttribute(
                "mayApprove",
                !sent.published()
                        && Actor.current()
                                .map(actor -> actor.can(Permission.STATISTICS_RELEASE, Scope.ALL)
                                        && !actor.accountId().equals(sent.assembledBy()))
                                .orElse(false));
        var figures = (ReleaseSources.Published) returns.figures(sent);
        model.addAttribute("figures", figures);
        model.addAttribute("coverage", returns.coverage(sent, figures));
        model.addAttribute("estimated", returns.estimatedTotal(sent, figures));
        model.addAttribute("justice", returns.agencyFigures(sent));
        return "monitoring/return";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(RELEASE)
    String approve(
            @PathVariable UUID id,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            java.util.Locale locale) {
        try {
            returns.approve(id);
            redirect.addFlashAttribute("flash", "returns.published");
            return "redirect:/returns/" + id;
        } catch (RecordNotFound e) {
            throw e;
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
            return sent(id, model);
        }
    }

    @GetMapping("/{id}/file")
    @PreAuthorize(READ)
    ResponseEntity<byte[]> file(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format) {
        return download(returns.file(id, format));
    }

    static ResponseEntity<byte[]> download(ReturnFiles.File file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.name() + "\"")
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .body(file.bytes());
    }

    @PostMapping("/population")
    @PreAuthorize(RELEASE)
    String population(
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            java.util.Locale locale)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new Population.Refused(
                        List.of(FileProblem.file("returns.population.problem.noFile", "Choose a population file.")));
            }
            returns.loadPopulation(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("flash", "returns.population.loaded");
            return "redirect:/returns";
        } catch (Population.Refused e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            // each line's problem in the reader's language
            model.addAttribute("populationProblems", FileProblem.words(e.lines, messages, locale));
            model.addAttribute("populationProblemsLang", e.lang(messages, locale));
            return list(new ReturnForm(null, null, null, null, null), model);
        }
    }

    /** A download refused (not published, unknown format): the reason, as plain text in the reader's language. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<String> refused(RuleViolation e, java.util.Locale locale) {
        String lang = e.lang(messages, locale);
        return ResponseEntity.badRequest()
                // UTF-8: the reason may be in Russian, which the default ISO-8859-1 of plain text cannot carry
                .contentType(new org.springframework.http.MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_LANGUAGE, lang == null ? locale.toLanguageTag() : lang)
                .body(e.words(messages, locale));
    }
}
