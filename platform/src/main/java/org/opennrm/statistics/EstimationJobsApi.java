package org.opennrm.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Background estimates of the hidden number over HTTP: a POST answers 202 Accepted with the job and its location at
 * once; GET the job until its status is DONE (with the result) or FAILED (with the reason). Bad tables and settings
 * answer 400 with a problem at submission.
 */
@RestController
@RequestMapping("/api/v1/estimates/jobs")
@Tag(name = "Estimates", description = "Multiple systems estimation of the hidden number")
class EstimationJobsApi {

    private final EstimationJobs jobs;
    private final Estimates estimates;

    EstimationJobsApi(EstimationJobs jobs, Estimates estimates) {
        this.jobs = jobs;
        this.estimates = estimates;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('statistics:read:all')")
    @Operation(
            summary = "Start a background estimate: log-linear models and the latent-class model side by side",
            description = "Body: a list-overlap table as text/csv or a multipart upload in the part 'file' (the layout"
                    + " of POST /api/v1/estimates/mse). Answers 202 Accepted with the job (status SUBMITTED) and its"
                    + " Location. Optional parameters of the latent-class model's chain: classes (2-50), burnIn,"
                    + " samples (at least 100), thinning, seed; timeLimitSeconds up to the configured limit. 400 for a"
                    + " table that cannot be estimated, bad settings, or when too many jobs are waiting.")
    ResponseEntity<EstimationJob> submit(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "classes", required = false) Integer classes,
            @RequestParam(name = "burnIn", required = false) Integer burnIn,
            @RequestParam(name = "samples", required = false) Integer samples,
            @RequestParam(name = "thinning", required = false) Integer thinning,
            @RequestParam(name = "seed", required = false) Long seed,
            @RequestParam(name = "timeLimitSeconds", required = false) Integer timeLimitSeconds,
            HttpServletRequest request)
            throws IOException {
        byte[] body =
                file != null ? file.getBytes() : request.getInputStream().readNBytes(Estimates.MAX_CHARACTERS * 4 + 1);
        String csv = new String(body, StandardCharsets.UTF_8);
        Estimates.checkSize(csv);
        var job = jobs.submit(
                csv,
                EstimationJob.Source.TABLE,
                null,
                null,
                settings(classes, burnIn, samples, thinning, seed),
                timeLimitSeconds);
        return accepted(job);
    }

    @PostMapping("/linkage-runs/{runId}")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    @Operation(
            summary = "Start a background estimate on a completed linkage run's overlap table",
            description = "As POST /api/v1/estimates/jobs on the run's overlap table; the job states the run and the"
                    + " similarity threshold the table rests on. Needs linkage:run:all as well. 404 for an unknown"
                    + " run, 400 for a run that has not run yet.")
    ResponseEntity<EstimationJob> fromLinkageRun(
            @PathVariable UUID runId,
            @RequestParam(name = "timeLimitSeconds", required = false) Integer timeLimitSeconds) {
        return accepted(jobs.submit(estimates.linkageRun(runId), jobs.defaults(), timeLimitSeconds));
    }

    @PostMapping("/cases")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    @Operation(
            summary = "Start a background estimate on the platform's own lists of a period",
            description = "As POST /api/v1/estimates/jobs on the platform's own lists (persons"
                    + " referred from the first day of 'from' to the last day of 'to', one list per sector that met"
                    + " them); the job states the years, so that an SDG 16.2.2 return of that year may use it as its"
                    + " total. 400 for a period that cannot be estimated.")
    ResponseEntity<EstimationJob> fromCases(
            @RequestParam("from") Year from,
            @RequestParam("to") Year to,
            @RequestParam(name = "classes", required = false) Integer classes,
            @RequestParam(name = "burnIn", required = false) Integer burnIn,
            @RequestParam(name = "samples", required = false) Integer samples,
            @RequestParam(name = "thinning", required = false) Integer thinning,
            @RequestParam(name = "seed", required = false) Long seed,
            @RequestParam(name = "timeLimitSeconds", required = false) Integer timeLimitSeconds) {
        return accepted(jobs.submit(
                estimates.casesOverlap(from, to),
                settings(classes, burnIn, samples, thinning, seed),
                timeLimitSeconds));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    @Operation(
            summary = "A background estimate: status, stage, progress in percent, and the result or the reason",
            description = "404 for an unknown job.")
    EstimationJob job(@PathVariable UUID id) {
        return jobs.find(id);
    }

    private LatentClassModel.Settings settings(
            Integer classes, Integer burnIn, Integer samples, Integer thinning, Long seed) {
        var defaults = jobs.defaults();
        return new LatentClassModel.Settings(
                classes == null ? defaults.classes() : classes,
                burnIn == null ? defaults.burnIn() : burnIn,
                samples == null ? defaults.samples() : samples,
                thinning == null ? defaults.thinning() : thinning,
                seed == null ? defaults.seed() : seed);
    }

    private static ResponseEntity<EstimationJob> accepted(EstimationJob job) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/estimates/jobs/" + job.id()))
                .body(job);
    }
}
