package org.opennrm.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CTDC Global Dataset export over HTTP: the preview as JSON, the k-anonymous file as CSV (audited). */
@RestController
@RequestMapping("/api/v1/statistics/ctdc")
@Tag(name = "Statistics", description = "Standard national tables with disclosure control")
class CtdcApi {

    private final CtdcExports exports;

    CtdcApi(CtdcExports exports) {
        this.exports = exports;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('statistics:read:all')")
    @Operation(
            summary = "What the CTDC export would publish",
            description = "One record per person registered (referral or anonymous notification), from and to as"
                    + " years, k at least the installation's value (default 11): how many records were generalised"
                    + " or suppressed, values generalised per variable, and shares by CTDC's denominator rule.")
    CtdcExports.Summary preview(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String k) {
        return exports.preview(CtdcController.request(from, to, k));
    }

    @GetMapping("/records")
    @PreAuthorize("hasAuthority('statistics:release:all')")
    @Operation(
            summary = "The k-anonymous CTDC file (27 variables, NULL for missing), audited",
            description = "Statisticians only. Headers X-Records-Generalised and X-Records-Suppressed report what"
                    + " k-anonymity changed; X-Export-Id names the audit entry. The header is that of CTDC's 2025"
                    + " release; naming=2024 writes the 2024 (v2) release's sector column names.")
    ResponseEntity<byte[]> records(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String k,
            @RequestParam(required = false) String naming) {
        return CtdcController.file(exports.export(CtdcController.request(from, to, k, naming)));
    }
}
