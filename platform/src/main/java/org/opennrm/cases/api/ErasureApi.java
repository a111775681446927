package org.opennrm.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.Erasure;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a person's case on request, and the legal hold that stops it. */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@PreAuthorize("hasAuthority('retention:manage:all')")
@Tag(name = "Erasure and legal hold")
class ErasureApi {

    record ErasureView(UUID caseId, Instant erasedAt, int valuesRemoved, int encodingsRemoved) {}

    record LegalHoldView(UUID caseId, boolean onHold) {}

    private final Erasure erasure;

    ErasureApi(Erasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/erasure")
    @Operation(
            summary = "Erase the person's identity and every free text of a case",
            description = "Where the law allows it. Cannot be undone. Refused (400) while the case is on legal hold;"
                    + " the reference, codes, dates, statistics and audit trail stay.")
    ErasureView erase(@PathVariable UUID id) {
        var erased = erasure.erase(CaseId.of(id));
        return new ErasureView(erased.caseId(), erased.erasedAt(), erased.valuesRemoved(), erased.encodingsRemoved());
    }

    @GetMapping("/legal-hold")
    @Operation(summary = "Whether a case is on legal hold")
    LegalHoldView hold(@PathVariable UUID id) {
        return new LegalHoldView(id, erasure.onHold(CaseId.of(id)));
    }

    @PutMapping("/legal-hold")
    @Operation(summary = "Put a case on legal hold", description = "Neither erasure nor retention removes it then.")
    LegalHoldView placeHold(@PathVariable UUID id) {
        erasure.placeHold(CaseId.of(id));
        return new LegalHoldView(id, true);
    }

    @DeleteMapping("/legal-hold")
    @Operation(summary = "Release the legal hold of a case")
    ResponseEntity<LegalHoldView> releaseHold(@PathVariable UUID id) {
        erasure.releaseHold(CaseId.of(id));
        return ResponseEntity.ok(new LegalHoldView(id, false));
    }
}
