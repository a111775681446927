package org.opennrm.prevention.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inspection targeting over HTTP, for the inspectorate's own systems: import, ranking, plans, backtest; and the
 * aggregates for prevention readers. Errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping("/api/v1/inspection")
@Tag(name = "Inspection targeting", description = "Risk-based planning of labour inspections (decision support)")
class InspectionApi {

    private final InspectionTargeting targeting;
    private final InspectionAggregates aggregates;
    private final MessageSource messages;

    InspectionApi(InspectionTargeting targeting, InspectionAggregates aggregates, MessageSource messages) {
        this.targeting = targeting;
        this.aggregates = aggregates;
        this.messages = messages;
    }

    /** The two files' text; either may be absent. */
    record ImportRequest(String register, String inspections) {}

    /** A plan to make. */
    record PlanRequest(Integer capacity, Integer randomPercent) {}

    @PostMapping("/imports")
    @PreAuthorize(InspectionAccess.TARGETING)
    @Operation(
            summary = "Import the workplace register and/or the inspection history",
            description = "Body: register (CSV workplace,sector,region,employees; sector a NACE Rev. 2 section letter"
                    + " A-U) and inspections (CSV workplace,date,violation,indicators,by_lot). Imported whole or not"
                    + " at all: 201 with the counts, or 400 (urn:opennrm:problem:ImportInvalid) with errors, one"
                    + " {file, line, message} per problem.")
    ResponseEntity<InspectionTargeting.Imported> importFiles(@RequestBody ImportRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(targeting.importFiles(request.register(), request.inspections()));
    }

    @GetMapping("/ranking")
    @PreAuthorize(InspectionAccess.TARGETING)
    @Operation(
            summary = "The register ranked for the next year, each workplace with its factors",
            description = "limit (default 100, at most 100,000). 400 (urn:opennrm:problem:CannotTrain) when the"
                    + " history is too short or has findings of one kind only.")
    Ranking ranking(@RequestParam(name = "limit", defaultValue = "100") int limit) {
        Ranking ranking = targeting.rank();
        int shown = Math.max(1, Math.min(limit, 100_000));
        return new Ranking(
                ranking.year(),
                ranking.trainedOn(),
                ranking.violations(),
                ranking.ranked().subList(0, Math.min(shown, ranking.ranked().size())));
    }

    @PostMapping("/plans")
    @PreAuthorize(InspectionAccess.TARGETING)
    @Operation(
            summary = "Make and save the plan for the next year",
            description = "Body: capacity (1 to the register's size) and randomPercent (0-100), the share drawn by"
                    + " lot from the workplaces not ranked into the plan. 201 with the plan; 400 (PlanInvalid or"
                    + " CannotTrain).")
    ResponseEntity<Plan> plan(@RequestBody PlanRequest request) {
        Plan plan = targeting.plan(request.capacity(), request.randomPercent());
        return ResponseEntity.created(URI.create("/api/v1/inspection/plans/" + plan.id()))
                .body(plan);
    }

    @GetMapping("/plans")
    @PreAuthorize(InspectionAccess.TARGETING)
    @Operation(summary = "The own organisation's plans, newest first (at most 100)")
    List<InspectionTargeting.PlanHeader> plans() {
        return targeting.plans();
    }

    @GetMapping("/plans/{id}")
    @PreAuthorize(InspectionAccess.TARGETING)
    @Operation(summary = "One plan of the own organisation; 404 for any other")
    Plan plan(@PathVariable UUID id) {
        return targeting.plan(id);
    }

    @GetMapping("/backtest")
    @PreAuthorize(InspectionAccess.TARGETING)
    @Operation(
            summary = "Temporal backtest at capacity k",
            description = "For each year but the first: trained on the years before, precision at k on that year's"
                    + " inspections (all, and those drawn by lot: the unbiased estimate) against random choice and"
                    + " re-inspecting last year's violators.")
    List<Backtest.Year> backtest(@RequestParam(name = "k", defaultValue = "100") int k) {
        return targeting.backtest(k);
    }

    @GetMapping("/aggregates")
    @PreAuthorize(InspectionAccess.AGGREGATES)
    @Operation(summary = "Counts by sector over every inspectorate; small counts withheld (null)")
    InspectionAggregates.Table aggregates() {
        return aggregates.bySector();
    }

    @ExceptionHandler(ImportInvalid.class)
    ProblemDetail invalid(ImportInvalid e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Not possible");
        problem.setType(URI.create("urn:opennrm:problem:ImportInvalid"));
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of(
                                "file",
                                p.file(),
                                "line",
                                p.line(),
                                "message",
                                messages.getMessage(p.key(), p.messageArguments(), Locale.ENGLISH)))
                        .toList());
        problem.setProperty("more", e.more());
        return problem;
    }

    @ExceptionHandler(PlanInvalid.class)
    ProblemDetail invalid(PlanInvalid e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Not possible");
        problem.setType(URI.create("urn:opennrm:problem:PlanInvalid"));
        problem.setProperty(
                "errors",
                e.fields().entrySet().stream()
                        .map(f -> Map.of(
                                "field",
                                f.getKey(),
                                "message",
                                messages.getMessage(f.getValue(), null, Locale.ENGLISH)))
                        .toList());
        return problem;
    }
}
