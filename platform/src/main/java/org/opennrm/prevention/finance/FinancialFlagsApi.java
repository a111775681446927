package org.opennrm.prevention.finance;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Financial red flags over HTTP: the catalogue with its sources, the unit's coded reports (coded one by one or
 * imported as CSV, whole or not at all), what became of them, and the feedback statistics. Problems answer as RFC 9457
 * problem details with every field or line to change.
 */
@RestController
@RequestMapping("/api/v1/financial-flags")
@Tag(name = "Financial red flags", description = "Coding suspicious-transaction reports against published red flags")
class FinancialFlagsApi {

    /** The catalogue as served: its version, its red flags and the publications they come from. */
    record Catalogue(String version, List<RedFlagCatalogue.RedFlag> flags) {}

    private final FinancialReports reports;
    private final RedFlagCatalogue catalogue;
    private final MessageSource messages;

    FinancialFlagsApi(FinancialReports reports, RedFlagCatalogue catalogue, MessageSource messages) {
        this.reports = reports;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/catalogue")
    @PreAuthorize(FinancialFlagsAccess.STATISTICS)
    @Operation(summary = "The catalogue of red flags: version, codes, typologies and sources")
    Catalogue catalogue() {
        return new Catalogue(catalogue.version(), catalogue.flags());
    }

    @GetMapping("/reports")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    @Operation(summary = "The unit's coded reports, latest received first (at most 500)")
    List<FinancialReport> reports() {
        return reports.mine();
    }

    @GetMapping("/reports/{id}")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    @Operation(summary = "One report of the unit; 404 for none or another unit's")
    FinancialReport report(@PathVariable UUID id) {
        return reports.get(id);
    }

    @PostMapping("/reports")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    @Operation(
            summary = "Code a report",
            description = "Body: reference (the unit's own, letters, digits and / . _ -, at most 40), receivedOn (ISO"
                    + " date), entityType (BANK, MONEY_SERVICE_BUSINESS, PAYMENT_INSTITUTION, VIRTUAL_ASSET_PROVIDER,"
                    + " CASINO, OTHER), indicators (catalogue codes, at least one). 201 with the report, or 400"
                    + " (urn:opennrm:problem:ReportInvalid) with errors.")
    ResponseEntity<FinancialReport> code(@RequestBody ReportDetails details) {
        FinancialReport report = reports.code(details);
        return ResponseEntity.created(URI.create("/api/v1/financial-flags/reports/" + report.id()))
                .body(report);
    }

    @PostMapping("/reports/import")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    @Operation(
            summary = "Import coded reports from CSV, whole or not at all",
            description = "Header reference,received_on,entity_type,indicators[,disseminated_on,investigation_on];"
                    + " indicators separated by ;. 200 with {imported}, or 400 (urn:opennrm:problem:ImportInvalid)"
                    + " with errors: one {line, message} per problem.")
    Map<String, Integer> importCsv(@RequestBody String csv) {
        return Map.of("imported", reports.importCsv(csv));
    }

    @PutMapping("/reports/{id}/outcome")
    @PreAuthorize(FinancialFlagsAccess.CODE)
    @Operation(summary = "Record what became of a report: disseminatedOn, investigationOn (ISO dates or null)")
    FinancialReport outcome(@PathVariable UUID id, @RequestBody ReportOutcome outcome) {
        return reports.recordOutcome(id, outcome);
    }

    @GetMapping("/statistics")
    @PreAuthorize(FinancialFlagsAccess.STATISTICS)
    @Operation(
            summary = "Feedback statistics",
            description = "The unit's own counts for its analysts; for readers of prevention evidence, all units"
                    + " together with counts below the minimum withheld (null).")
    FeedbackStatistics statistics() {
        return reports.statistics();
    }

    @ExceptionHandler(ReportInvalid.class)
    ProblemDetail invalid(ReportInvalid e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The report cannot be stored: some fields are missing or invalid.");
        problem.setTitle("Not possible");
        problem.setType(URI.create("urn:opennrm:problem:ReportInvalid"));
        problem.setProperty(
                "errors",
                e.fields().entrySet().stream()
                        .map(field -> Map.of(
                                "field", field.getKey(),
                                "message", messages.getMessage(field.getValue(), null, Locale.ENGLISH)))
                        .toList());
        return problem;
    }

    @ExceptionHandler(ImportInvalid.class)
    ProblemDetail invalid(ImportInvalid e) {
        return e.problem(messages);
    }
}
