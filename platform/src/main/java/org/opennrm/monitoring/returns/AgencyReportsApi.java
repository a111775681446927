package org.opennrm.monitoring.returns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agencies' criminal-justice counts through the API: a CSV body per agency and year or quarter, read whole or refused
 * whole.
 */
@RestController
@RequestMapping("/api/v1/returns/agencies")
@Tag(
        name = "Agency returns",
        description = "Aggregate counts from police, prosecution, courts, labour inspectorates and the FIU")
class AgencyReportsApi {

    private final AgencyReports reports;
    private final AgencyDeadlines deadlines;

    AgencyReportsApi(AgencyReports reports, AgencyDeadlines deadlines) {
        this.reports = reports;
        this.deadlines = deadlines;
    }

    /** The date an agency's figures for a year are due. */
    record DeadlineRequest(String agency, Integer year, java.time.LocalDate dueOn) {}

    @GetMapping("/deadlines")
    @PreAuthorize("hasAuthority('returns:submit:organisation') or hasAuthority('statistics:release:all')")
    @Operation(
            summary = "Every agency's due date and state for a year (no date, due, due soon, overdue, sent, approved)")
    List<AgencyDeadlines.Deadline> deadlines(@RequestParam int year) {
        return deadlines.forYear(year);
    }

    @org.springframework.web.bind.annotation.PutMapping("/deadlines")
    @PreAuthorize("hasAuthority('statistics:release:all')")
    @Operation(summary = "Set or move the date an agency's figures for a year are due (after the year's end)")
    List<AgencyDeadlines.Deadline> setDeadline(@RequestBody DeadlineRequest request) {
        if (request.year() == null) {
            throw new org.opennrm.RuleViolation("returns.refused.yearMissing", "Give the year the figures are for.");
        }
        deadlines.set(AgencyReportsController.agency(request.agency()), request.year(), request.dueOn());
        return deadlines.forYear(request.year());
    }

    // any content type is read as the CSV text (text/csv is the one to send): refusing others with 415 would answer
    // before the permission check
    @PostMapping
    @PreAuthorize("hasAuthority('returns:submit:organisation')")
    @Operation(
            summary = "Send an agency's counts for a year or a quarter (period 2025 or 2025-Q2, or year 2025;"
                    + " columns measure,sex,age_group,form,count); a correction of approved figures needs a reason")
    ResponseEntity<AgencyReports.Report> submit(
            @RequestParam String agency,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String reason,
            @RequestBody String csv) {
        AgencyPeriod chosen;
        if (period != null && !period.isBlank()) {
            chosen = AgencyPeriod.parse(period);
        } else if (year != null) {
            chosen = AgencyPeriod.year(year);
        } else {
            throw new org.opennrm.RuleViolation(
                    "returns.refused.period",
                    "Give the period the figures are for: a year (2025) or a quarter (2025-Q2).");
        }
        var report = reports.submit(AgencyReportsController.agency(agency), chosen, new StringReader(csv), reason);
        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('returns:submit:organisation') or hasAuthority('statistics:release:all')")
    @Operation(summary = "The figures of a year (an agency reporter sees those of their own organisation)")
    List<AgencyReports.Report> reports(@RequestParam int year) {
        return reports.reports(year);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('statistics:release:all')")
    @Operation(summary = "Approve an agency's figures (not by who sent them)")
    AgencyReports.Report approve(@PathVariable UUID id) {
        return reports.approve(id);
    }

    @GetMapping("/completeness")
    @PreAuthorize("hasAuthority('statistics:release:all')")
    @Operation(summary = "Which agencies a return needs have reported for the year")
    List<AgencyReports.Completeness> completeness(@RequestParam String template, @RequestParam int year) {
        return reports.completeness(template, year);
    }
}
