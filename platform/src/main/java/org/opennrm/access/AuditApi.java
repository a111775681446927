package org.opennrm.access;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail in the API: search it, verify its chain, fetch its signed checkpoints. Administrators only. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAuthority('audit:read:all')")
class AuditApi {

    private static final int MOST_CHECKPOINTS = 10_000;

    private final AuditSearch search;
    private final AuditVerification verification;
    private final AuditCheckpoints checkpoints;

    AuditApi(AuditSearch search, AuditVerification verification, AuditCheckpoints checkpoints) {
        this.search = search;
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    /**
     * Entries newest first, {@value AuditQuery#PAGE_SIZE} a page. {@code from} and {@code to} are UTC
     * dates (whole days) or ISO-8601 times; {@code account} is a user name or an account id.
     */
    @GetMapping
    AuditSearch.AuditPage search(
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page) {
        return search.search(AuditQuery.parse(recordType, recordId, account, from, to, page));
    }

    /** Walks the whole chain now and answers what it found; the check is recorded in the trail. */
    @PostMapping("/verification")
    AuditVerificationReport verify() {
        return verification.verify();
    }

    /**
     * The latest signed checkpoints (default 100, at most {@value #MOST_CHECKPOINTS}), oldest first, with the public
     * key that checks their signatures: for an auditor who keeps them outside the platform and compares them later.
     */
    @GetMapping("/checkpoints")
    AuditCheckpoints.Published checkpoints(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MOST_CHECKPOINTS) {
            throw new AuditQueryInvalid("limit", "audit.invalid.limit", "between 1 and " + MOST_CHECKPOINTS);
        }
        return checkpoints.latest(limit);
    }

    @ExceptionHandler(AuditQueryInvalid.class)
    ProblemDetail invalid(AuditQueryInvalid e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are missing or invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }
}
