package org.opennrm.monitoring.plan.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yearly public report over HTTP: the co-ordinator drafts and edits it, someone else who may publish approves and
 * publishes it (four eyes), every reader of the plan reads the drafts. The rendered report (HTML, PDF) and the public's
 * copies stay on the pages. Problem details: 400 for a broken rule (with its field where there is one; the drafter
 * approving their own draft is one), 403 without the permission, 404 for an unknown id, 409 for a stale version.
 */
@RestController
@RequestMapping("/api/v1/plan-reports")
@Tag(name = "Action plan reports", description = "The yearly public report: draft, edit, approve, publish")
class ReportsApi {

    private final PlanReports reports;

    ReportsApi(PlanReports reports) {
        this.reports = reports;
    }

    /** A new draft: the plan, the year it reports on, its title and, optionally, the approved release it quotes. */
    record DraftRequest(
            @NotNull UUID planId,
            @NotNull Integer year,
            @NotNull String title,
            UUID releaseId) {}

    /** The draft's texts, made on the version read. */
    record EditRequest(
            @NotNull Integer version, String title, String introduction, String commentary, UUID releaseId) {}

    @GetMapping
    @PreAuthorize(PlanReports.READ)
    @Operation(summary = "The reports on a plan, drafts included, latest year first")
    List<PlanReport> list(@RequestParam UUID planId) {
        return reports.reports(planId);
    }

    @PostMapping
    @PreAuthorize(PlanReports.MANAGE)
    @Operation(
            summary = "Draft the yearly report on a plan",
            description =
                    "The release, when given, must be an approved statistics release: every figure comes from it.")
    ResponseEntity<PlanReport> draft(@Valid @RequestBody DraftRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(reports.draft(request.planId(), request.year(), request.title(), request.releaseId()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(PlanReports.READ)
    @Operation(summary = "A report with its status, version and who drafted and approved it")
    PlanReport read(@PathVariable UUID id) {
        return reports.report(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(PlanReports.MANAGE)
    @Operation(summary = "Change a draft's title, texts and release", description = "409 when the version is stale.")
    PlanReport edit(@PathVariable UUID id, @Valid @RequestBody EditRequest request) {
        return reports.edit(
                id,
                request.version(),
                request.title(),
                request.introduction(),
                request.commentary(),
                request.releaseId());
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(PlanReports.PUBLISH)
    @Operation(summary = "Approve a draft (not the drafter's own)", description = "Send the version read.")
    PlanReport approve(@PathVariable UUID id, @RequestParam int version) {
        return reports.approve(id, version);
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(PlanReports.PUBLISH)
    @Operation(
            summary = "Publish an approved report",
            description = "Freezes one edition per language; the public reads it at /reports.")
    PlanReport publish(@PathVariable UUID id, @RequestParam int version) {
        return reports.publish(id, version);
    }

    @ExceptionHandler(ReportRefused.class)
    ProblemDetail refused(ReportRefused e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Not possible");
        problem.setType(java.net.URI.create("urn:opennrm:problem:ReportRefused"));
        if (e.field() != null) {
            problem.setProperty("errors", List.of(java.util.Map.of("field", e.field(), "message", e.getMessage())));
        }
        return problem;
    }
}
