package org.opennrm.prevention.suppliers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opennrm.prevention.finance.ImportInvalid;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Supplier screening over HTTP: lists of employers found using forced labour (imported with their source), the
 * office's suppliers, the screening, and the review of candidate matches. Problems answer as RFC 9457 problem details.
 */
@RestController
@RequestMapping("/api/v1/suppliers")
@Tag(name = "Supplier screening", description = "Screening suppliers against lists of forced-labour employers")
class SuppliersApi {

    /** A list to import: its source and the CSV text ({@code name,country}). */
    record ListImport(String name, String publisher, java.time.LocalDate publishedOn, String url, String csv) {}

    /** A reviewer's decision on a candidate match. */
    record Review(SupplierMatch.Decision decision, String reason) {}

    /** The checklist as served: its version, sources and the questions of one sector. */
    record ChecklistQuestions(
            String version, List<ProcurementChecklist.Source> sources, List<ProcurementChecklist.Question> questions) {}

    private final SupplierScreening screening;
    private final ProcurementChecklists checklists;
    private final ProcurementChecklist checklist;
    private final MessageSource messages;

    SuppliersApi(
            SupplierScreening screening,
            ProcurementChecklists checklists,
            ProcurementChecklist checklist,
            MessageSource messages) {
        this.screening = screening;
        this.checklists = checklists;
        this.checklist = checklist;
        this.messages = messages;
    }

    @GetMapping("/checklist/{sector}")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(summary = "The procurement risk checklist of a sector: version, sources, questions with their weights")
    ChecklistQuestions checklist(@PathVariable ProcurementChecklist.Sector sector) {
        return new ChecklistQuestions(checklist.version(), checklist.sources(), checklist.questions(sector));
    }

    @GetMapping("/checklists")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(summary = "The office's filled-in checklists, latest first (at most 200)")
    List<FilledChecklist> checklists() {
        return checklists.mine();
    }

    @GetMapping("/checklists/{id}")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(
            summary =
                    "A filled-in checklist with its risk level and the answers that raised it; 404 for another office's")
    FilledChecklist filled(@PathVariable UUID id) {
        return checklists.get(id);
    }

    @PostMapping("/checklists")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(
            summary = "Fill in a checklist",
            description = "Body: tenderReference, supplierId (optional, one of the office's), sector, answers (question"
                    + " code to YES, NO or UNKNOWN, every question of the sector). 201, or 400 with errors.")
    ResponseEntity<FilledChecklist> fill(@RequestBody ProcurementChecklists.Filling filling) {
        var filled = checklists.fill(filling);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/checklists/" + filled.id()))
                .body(filled);
    }

    @GetMapping
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(summary = "The office's suppliers with their screening result (at most 1,000)")
    List<Supplier> suppliers() {
        return screening.suppliers();
    }

    @PostMapping("/import")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(
            summary = "Import suppliers from CSV (reference,name,country), whole or not at all",
            description = "200 with {imported}, or 400 (urn:opennrm:problem:ImportInvalid) with {line, message}.")
    Map<String, Integer> importSuppliers(@RequestBody String csv) {
        return Map.of("imported", screening.importSuppliers(csv));
    }

    @GetMapping("/lists")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(summary = "The imported lists with their sources")
    List<ForcedLabourList> lists() {
        return screening.lists();
    }

    @PostMapping("/lists")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(
            summary = "Import a list of employers found using forced labour",
            description = "Body: name, publisher, publishedOn (ISO date), url (http or https), csv (name,country)."
                    + " 201 with the list, or 400 with errors.")
    ResponseEntity<ForcedLabourList> importList(@RequestBody ListImport body) {
        var list = screening.importList(
                new ListSource(body.name(), body.publisher(), body.publishedOn(), body.url()), body.csv());
        return ResponseEntity.created(URI.create("/api/v1/suppliers/lists/" + list.id()))
                .body(list);
    }

    @PostMapping("/screen")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(summary = "Screen every supplier against every list; answers how many candidates await review")
    Map<String, Integer> screen() {
        return Map.of("pending", screening.screen());
    }

    @GetMapping("/matches")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(summary = "Candidate matches awaiting review, most alike first")
    List<SupplierMatch> pending() {
        return screening.pending();
    }

    @GetMapping("/matches/{id}")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(summary = "One candidate match; 404 for none or another office's")
    SupplierMatch match(@PathVariable UUID id) {
        return screening.match(id);
    }

    @PostMapping("/matches/{id}/review")
    @PreAuthorize(SupplierScreening.ACCESS)
    @Operation(summary = "Confirm or dismiss a candidate match (a dismissal needs a reason)")
    SupplierMatch review(@PathVariable UUID id, @RequestBody Review review) {
        return screening.review(id, review.decision(), review.reason());
    }

    @ExceptionHandler(ScreeningInvalid.class)
    ProblemDetail invalid(ScreeningInvalid e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are missing or invalid.");
        problem.setTitle("Not possible");
        problem.setType(URI.create("urn:opennrm:problem:ScreeningInvalid"));
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
