package org.opennrm.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.util.Locale;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Background estimates on the estimation page: "Compare models in the background" stores a job and shows its page,
 * which polls the job's progress (htmx) until the comparison of the log-linear and latent-class models is shown.
 */
@Controller
@RequestMapping("/statistics/estimates/jobs")
class EstimationJobsController {

    private final EstimationJobs jobs;
    private final Estimates estimates;
    private final Clock clock;
    private final int minimumCellSize;
    private final MessageSource messages;

    EstimationJobsController(
            EstimationJobs jobs,
            Estimates estimates,
            Clock clock,
            @Value("${opennrm.statistics.minimum-cell-size:10}") int minimumCellSize,
            MessageSource messages) {
        this.jobs = jobs;
        this.estimates = estimates;
        this.clock = clock;
        this.minimumCellSize = minimumCellSize;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String submit(
            @RequestParam(name = "table", required = false) String table,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        String csv = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : table;
        try {
            Estimates.checkSize(csv);
            var job = jobs.submit(csv, EstimationJob.Source.TABLE, null, null, jobs.defaults(), null);
            return "redirect:/statistics/estimates/jobs/" + job.id();
        } catch (RuleViolation e) {
            return refused(csv, e, model, response, locale);
        }
    }

    @PostMapping("/linkage-runs/{runId}")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String fromLinkageRun(@PathVariable UUID runId, Model model, HttpServletResponse response, Locale locale) {
        var run = estimates.linkageRun(runId);
        try {
            var job = jobs.submit(run, jobs.defaults(), null);
            return "redirect:/statistics/estimates/jobs/" + job.id();
        } catch (RuleViolation e) {
            model.addAttribute("run", run);
            return refused(run.overlap() == null ? "" : run.overlap().csv(), e, model, response, locale);
        }
    }

    /**
     * The platform's own lists of a period compared in the background; the job states the years, so that an SDG 16.2.2
     * return of that year may use it as its estimated total.
     */
    @PostMapping("/cases")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String fromCases(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        try {
            var overlap = estimates.casesOverlap(EstimatesController.year(from), EstimatesController.year(to));
            var job = jobs.submit(overlap, jobs.defaults(), null);
            return "redirect:/statistics/estimates/jobs/" + job.id();
        } catch (RuleViolation e) {
            return refused("", e, model, response, locale);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id));
        return "statistics/estimation-job";
    }

    /** The job's part of the page, polled by htmx while the job runs. */
    @GetMapping("/{id}/progress")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id));
        return "statistics/estimation-job :: job";
    }

    /** The estimation page again, with the table as given and the reason in the reader's language. */
    private String refused(String csv, RuleViolation e, Model model, HttpServletResponse response, Locale locale) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        String year = String.valueOf(Year.now(clock).getValue());
        model.addAttribute("table", csv == null ? "" : csv);
        model.addAttribute("casesFrom", year);
        model.addAttribute("casesTo", year);
        model.addAttribute("minimumCellSize", minimumCellSize);
        e.showOn(model, "problem", messages, locale);
        return "statistics/estimates";
    }
}
