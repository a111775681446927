package org.opennrm.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.statistics.publishing.CategoryLabels;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Releases: a statistician assembles one from standard tables (the check shows what it suppressed and
 * why), a second statistician approves and so publishes it, and anyone with statistics access reads and
 * downloads published tables.
 */
@Controller
@RequestMapping("/statistics/releases")
class ReleasesController {

    private static final String READ = "hasAuthority('statistics:read:all')";
    private static final String RELEASE = "hasAuthority('statistics:release:all')";

    /** The standard tables a release is assembled from: rows and columns. */
    static final List<String> STANDARD = List.of(
            "quarter:sex",
            "quarter:age-group",
            "exploitation-form:sex",
            "age-band:sex",
            "age-group:sex",
            "citizenship:sex",
            "referring-sector:age-group",
            "decision-outcome:time-to-decision",
            "service:age-group",
            "method-of-control:age-group",
            "recruiter-relationship:sex",
            "screening-suggestion:age-group",
            "closure-reason:year",
            "durable-solution:year");

    private final Releases releases;

    private final CategoryLabels labels;

    private final org.springframework.context.MessageSource messages;

    ReleasesController(Releases releases, CategoryLabels labels, org.springframework.context.MessageSource messages) {
        this.labels = labels;
        this.releases = releases;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(READ)
    String list(Model model) {
        model.addAttribute("releases", releases.all());
        return "statistics/releases";
    }

    @GetMapping("/new")
    @PreAuthorize(RELEASE)
    String form(Model model) {
        model.addAttribute("standard", STANDARD);
        model.addAttribute("roundings", Rounding.values());
        return "statistics/release-form";
    }

    @PostMapping
    @PreAuthorize(RELEASE)
    String assemble(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(name = "table", required = false) List<String> chosen,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String rounding,
            Model model,
            HttpServletResponse response,
            java.util.Locale locale) {
        try {
            List<TableRequest> requests = new ArrayList<>();
            for (String table : chosen == null ? List.<String>of() : chosen) {
                if (!STANDARD.contains(table)) {
                    throw ReleaseRefused.because("unknownTable", "Choose tables from the list.");
                }
                String[] dimensions = table.split(":");
                requests.add(TableRequest.of(dimensions[0], dimensions[1], null, from, to, region));
            }
            var release = releases.assemble(title, requests, StatisticsController.rounding(rounding));
            return "redirect:/statistics/releases/" + release.id();
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
            model.addAttribute("standard", STANDARD);
            model.addAttribute("roundings", Rounding.values());
            return "statistics/release-form";
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    String release(@PathVariable UUID id, Model model) {
        var release = releases.find(id).orElseThrow(() -> new RecordNotFound("release", id));
        model.addAttribute("release", release);
        model.addAttribute(
                "mayApprove",
                release.status() == Release.ReleaseStatus.AWAITING_APPROVAL
                        && Actor.current()
                                .map(actor -> actor.can(
                                                org.opennrm.access.Permission.STATISTICS_RELEASE,
                                                org.opennrm.access.Scope.ALL)
                                        && !actor.accountId().equals(release.assembledBy()))
                                .orElse(false));
        return "statistics/release";
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
            releases.approve(id);
            redirect.addFlashAttribute("flash", "statistics.release.published");
            return "redirect:/statistics/releases/" + id;
        } catch (RecordNotFound e) {
            throw e;
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
            return release(id, model);
        }
    }

    @GetMapping("/{id}/tables/{index}")
    @PreAuthorize(READ)
    ResponseEntity<byte[]> download(
            @PathVariable UUID id, @PathVariable int index, @RequestParam(defaultValue = "csv") String format) {
        return file(releases, id, index, format, TableFiles.Labels.of(labels));
    }

    /** A download refused (not published, unknown format): the reason, as plain text in the reader's language. */
    @org.springframework.web.bind.annotation.ExceptionHandler(RuleViolation.class)
    ResponseEntity<String> refused(RuleViolation e, java.util.Locale locale) {
        return ResponseEntity.badRequest()
                .contentType(new org.springframework.http.MediaType(
                        org.springframework.http.MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(e.words(messages, locale));
    }

    /** A published table as a file: the format is checked before the download is audited. */
    static ResponseEntity<byte[]> file(Releases releases, UUID id, int index, String format, TableFiles.Labels labels) {
        String chosen = format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!chosen.equals("csv") && !chosen.equals("xlsx")) {
            throw StatisticsController.formatUnknown();
        }
        TableView view = releases.download(id, index, chosen);
        var request = TableRequest.of(
                view.rows(), view.columns(), view.event().name(), view.from(), view.to(), view.region());
        return StatisticsController.file(request, view.asProtectedTable(), chosen, labels);
    }
}
