package org.opennrm.statistics;

import jakarta.servlet.http.HttpServletResponse;
import org.opennrm.RuleViolation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CTDC export page: the preview of what the k-anonymous file publishes (records generalised and suppressed,
 * shares by CTDC's denominator rule) and, for a statistician, the download of the file itself.
 */
@Controller
@RequestMapping("/statistics/ctdc")
class CtdcController {

    private final CtdcExports exports;

    CtdcController(CtdcExports exports) {
        this.exports = exports;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String preview(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String k,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("k", k == null || k.isBlank() ? String.valueOf(exports.minimumK()) : k);
        model.addAttribute("minimumK", exports.minimumK());
        try {
            model.addAttribute("summary", exports.preview(request(from, to, k)));
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
        }
        return "statistics/ctdc";
    }

    @GetMapping("/download")
    @PreAuthorize("hasAuthority('statistics:release:all')")
    ResponseEntity<byte[]> download(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String k,
            @RequestParam(required = false) String naming) {
        return file(exports.export(request(from, to, k, naming)));
    }

    /** A download asked for with a bad year or k: the reason, as plain text. */
    @org.springframework.web.bind.annotation.ExceptionHandler(RuleViolation.class)
    ResponseEntity<String> refused(RuleViolation e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    static CtdcExports.Request request(String from, String to, String k) {
        return request(from, to, k, null);
    }

    static CtdcExports.Request request(String from, String to, String k, String naming) {
        return new CtdcExports.Request(
                number(from, "A year"), number(to, "A year"), number(k, "k"), CtdcVariable.Naming.of(naming));
    }

    private static Integer number(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(what + " is a whole number.");
        }
    }

    static ResponseEntity<byte[]> file(CtdcExports.File file) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name())
                                .build()
                                .toString())
                .header("X-Export-Id", file.id().toString())
                .header("X-Records-Generalised", String.valueOf(file.summary().generalised()))
                .header("X-Records-Suppressed", String.valueOf(file.summary().suppressed()))
                .body(file.csv());
    }
}
