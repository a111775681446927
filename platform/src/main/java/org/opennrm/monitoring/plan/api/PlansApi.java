package org.opennrm.monitoring.plan.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.BudgetLine;
import org.opennrm.monitoring.plan.IndicatorOrigin;
import org.opennrm.monitoring.plan.IndicatorRecord;
import org.opennrm.monitoring.plan.IndicatorValue;
import org.opennrm.monitoring.plan.MeasureRecord;
import org.opennrm.monitoring.plan.Objective;
import org.opennrm.monitoring.plan.Plan;
import org.opennrm.monitoring.plan.PlanIndicators;
import org.opennrm.monitoring.plan.PlanOverview;
import org.opennrm.monitoring.plan.api.PlanRequests.BudgetRequest;
import org.opennrm.monitoring.plan.api.PlanRequests.IndicatorRequest;
import org.opennrm.monitoring.plan.api.PlanRequests.MeasureRequest;
import org.opennrm.monitoring.plan.api.PlanRequests.ObjectiveRequest;
import org.opennrm.monitoring.plan.api.PlanRequests.PlanRequest;
import org.opennrm.monitoring.plan.api.PlanRequests.StatusRequest;
import org.opennrm.monitoring.plan.api.PlanRequests.ValueRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The national action plan over HTTP: plans with their objectives, measures and budget totals; status reports and
 * spending of a measure by its lead organisation. Errors are problem details (RFC 9457): 400 for a broken rule with
 * the reason, 403 for a measure another organisation leads, 404 for an unknown id, 409 for a stale version.
 */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Action plan", description = "The national action plan: objectives, measures, status, budget")
class PlansApi {

    private static final String READ = "hasAnyAuthority('plan:read:all','plan:update:organisation')";
    private static final String MANAGE = "hasAuthority('plan:manage:all')";
    private static final String UPDATE = "hasAnyAuthority('plan:manage:all','plan:update:organisation')";

    private final ActionPlans plans;
    private final PlanIndicators indicators;

    PlansApi(ActionPlans plans, PlanIndicators indicators) {
        this.plans = plans;
        this.indicators = indicators;
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "List the action plans, latest first")
    List<Plan> list() {
        return plans.plans();
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    @Operation(summary = "Draft a plan", description = "The period may not end before it starts.")
    ResponseEntity<Plan> create(@Valid @RequestBody PlanRequest request) {
        var plan = plans.create(request.details());
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(plan.id())
                .toUri();
        return ResponseEntity.created(location).body(plan);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "A plan with its objectives, measures, budget lines and totals by objective and organisation")
    PlanOverview read(@PathVariable UUID id) {
        return plans.overview(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Change a plan", description = "Send the version you read; 409 when someone changed it since.")
    Plan change(@PathVariable UUID id, @Valid @RequestBody PlanRequest request) {
        if (request.version() == null) {
            throw new RuleViolation("plan.refused.version", "Send the version of the plan you read.");
        }
        return plans.change(id, request.version(), request.details());
    }

    @PostMapping("/{id}/objectives")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Add an objective under one of the four pillars")
    ResponseEntity<Objective> addObjective(@PathVariable UUID id, @Valid @RequestBody ObjectiveRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(plans.addObjective(id, request.pillar(), request.title()));
    }

    @PostMapping("/{id}/measures")
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Add a measure to an objective of the plan",
            description = "A lead organisation from the registry is required; due not before start.")
    ResponseEntity<MeasureRecord> addMeasure(@PathVariable UUID id, @Valid @RequestBody MeasureRequest request) {
        var measure = plans.addMeasure(id, request.details());
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/plans/measures/{id}")
                .buildAndExpand(measure.id())
                .toUri();
        return ResponseEntity.created(location).body(plans.measure(measure.id()));
    }

    @GetMapping("/measures/{measureId}")
    @PreAuthorize(READ)
    @Operation(summary = "A measure with its status history and budget lines")
    MeasureRecord measure(@PathVariable UUID measureId) {
        return plans.measure(measureId);
    }

    @PutMapping("/measures/{measureId}")
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Change a measure's objective, title, lead, partners and dates",
            description = "Send the version of the measure you read (query parameter); 409 when someone changed it"
                    + " since. Its status, history, budget and activities stay.")
    MeasureRecord changeMeasure(
            @PathVariable UUID measureId, @RequestParam int version, @Valid @RequestBody MeasureRequest request) {
        plans.changeMeasure(measureId, version, request.details());
        return plans.measure(measureId);
    }

    @PostMapping("/measures/{measureId}/status")
    @PreAuthorize(UPDATE)
    @Operation(
            summary = "Report a measure's status with evidence",
            description = "By its lead organisation or the co-ordinator. 400 without evidence where the plan requires"
                    + " it; 409 when the version is stale.")
    MeasureRecord report(@PathVariable UUID measureId, @Valid @RequestBody StatusRequest request) {
        plans.report(measureId, request.update());
        return plans.measure(measureId);
    }

    @PutMapping("/measures/{measureId}/budget")
    @PreAuthorize(UPDATE)
    @Operation(
            summary = "Record a measure's money for a year and source",
            description = "The co-ordinator sets planned, allocated and spent; a lead organisation spent only."
                    + " Spending above the allocation is accepted with overspent: true.")
    BudgetAnswer budget(@PathVariable UUID measureId, @Valid @RequestBody BudgetRequest request) {
        var line = plans.budget(measureId, request.entry());
        return new BudgetAnswer(line, line.overspent());
    }

    @GetMapping("/{id}/indicators")
    @PreAuthorize(READ)
    @Operation(summary = "A plan's indicators with baseline, target and values (latest first), each with its source")
    List<IndicatorRecord> indicators(@PathVariable UUID id) {
        return indicators.of(id);
    }

    @PostMapping("/{id}/indicators")
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Define an indicator",
            description = "origin COMPUTED needs a rule; REPORTED needs a measure whose lead organisation reports it."
                    + " A baseline and a target, with their years, are required.")
    ResponseEntity<IndicatorRecord> defineIndicator(
            @PathVariable UUID id, @Valid @RequestBody IndicatorRequest request) {
        var indicator = indicators.define(id, request.details());
        return ResponseEntity.status(HttpStatus.CREATED).body(indicators.indicator(indicator.id()));
    }

    @GetMapping("/indicators/{indicatorId}")
    @PreAuthorize(READ)
    @Operation(summary = "An indicator with its values and their sources")
    IndicatorRecord indicator(@PathVariable UUID indicatorId) {
        return indicators.indicator(indicatorId);
    }

    @PostMapping("/indicators/{indicatorId}/values")
    @PreAuthorize(UPDATE)
    @Operation(
            summary = "Add a value for a span of months",
            description = "A computed indicator is counted from the platform's facts by its rule (co-ordinator); a"
                    + " reported one takes value and note from its measure's lead organisation.")
    IndicatorValue addValue(@PathVariable UUID indicatorId, @Valid @RequestBody ValueRequest request) {
        var record = indicators.indicator(indicatorId);
        if (record.indicator().origin() == IndicatorOrigin.COMPUTED) {
            return indicators.compute(indicatorId, request.firstMonth(), request.lastMonth());
        }
        return indicators.report(
                indicatorId, request.firstMonth(), request.lastMonth(), request.value(), request.note());
    }

    /** A budget line as recorded, and whether its spending is above the allocation. */
    record BudgetAnswer(BudgetLine line, boolean overspent) {}

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request body is not JSON of the expected form (dates as 2026-03-31,"
                        + " statuses, pillars and sources as their codes).");
        problem.setTitle("Invalid request");
        if (e.getCause() instanceof tools.jackson.core.JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            var field = new StringBuilder();
            for (var reference : jackson.getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            problem.setProperty(
                    "errors", List.of(java.util.Map.of("field", field.toString(), "message", "Not a valid value.")));
        }
        return problem;
    }
}
