package org.opennrm.cases.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTCDS v2.0 exports of cases through the API, streamed as they are read. The counts come in headers before the
 * file; bad options give a 400 problem naming the rule.
 */
@RestController
@Tag(name = "Exports", description = "Cases in the HTCDS v2.0 layout for an authorised exchange")
class HtcdsExportApi {

    static final String INCLUDED = "OpenNRM-Cases-Included";
    static final String MATCHING = "OpenNRM-Cases-Matching";
    static final String LEFT_OUT_WITHDRAWN = "OpenNRM-Left-Out-Consent-Withdrawn";
    static final String LEFT_OUT_NO_CONSENT = "OpenNRM-Left-Out-No-Sharing-Consent";
    static final String LEFT_OUT_CLOSED = "OpenNRM-Left-Out-Case-Closed";

    private final HtcdsExport export;
    private final Clock clock;

    HtcdsExportApi(HtcdsExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    // every option is read as text and checked by HtcdsExportRequest, so that a refusal of the permission comes
    // before any complaint about the options
    @GetMapping("/api/v1/exports/htcds")
    @PreAuthorize(HtcdsExport.EXPORT)
    @Operation(
            summary = "Export cases in the HTCDS v2.0 layout",
            description = "JSON (an array of case objects) or CSV (one row per case, several codes in a cell"
                    + " separated by ';'). Pseudonymous unless identity=true, which includes only cases whose"
                    + " consent covers sharing with the receiver; headers give how many were left out and why."
                    + " Every export is audited.")
    void export(
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format,
            @Parameter(description = "first day of referral, e.g. 2026-01-01") @RequestParam(required = false)
                    String from,
            @Parameter(description = "last day of referral, inclusive") @RequestParam(required = false) String to,
            @Parameter(description = "OPEN or CLOSED") @RequestParam(required = false) String status,
            @Parameter(description = "a region served by the referring organisation") @RequestParam(required = false)
                    String region,
            @Parameter(description = "id of the receiving organisation (registry)") @RequestParam(required = false)
                    String receiver,
            @Parameter(description = "true to include name and date of birth, consent permitting")
                    @RequestParam(required = false)
                    String identity,
            HttpServletResponse response)
            throws IOException {
        var request = HtcdsExportRequest.of(format, from, to, status, region, receiver, identity);
        export.export(request, summary -> {
            response.setContentType(request.format().mediaType() + ";charset=UTF-8");
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(fileName(request, LocalDate.now(clock)))
                            .build()
                            .toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader(MATCHING, Long.toString(summary.matching()));
            response.setHeader(INCLUDED, Long.toString(summary.included()));
            response.setHeader(LEFT_OUT_WITHDRAWN, Long.toString(summary.consentWithdrawn()));
            response.setHeader(LEFT_OUT_NO_CONSENT, Long.toString(summary.noSharingConsent()));
            response.setHeader(LEFT_OUT_CLOSED, Long.toString(summary.caseClosed()));
            return response.getOutputStream();
        });
    }

    static String fileName(HtcdsExportRequest request, LocalDate today) {
        return "htcds-cases-" + today + (request.identity() ? "-identified" : "-pseudonymous") + "."
                + request.format().extension();
    }
}
