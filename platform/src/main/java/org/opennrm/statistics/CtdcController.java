package org.opennrm.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.opennrm.RuleViolation;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;

    CtdcController(CtdcExports exports, MessageSource messages) {
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String preview(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String k,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("k", k == null || k.isBlank() ? String.valueOf(exports.minimumK()) : k);
        model.addAttribute("minimumK", exports.minimumK());
        try {
            model.addAttribute("summary", exports.preview(request(from, to, k)));
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
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

    /** A download asked for with a bad year or k: the reason, as plain text in the reader's language. */
    @org.springframework.web.bind.annotation.ExceptionHandler(RuleViolation.class)
    ResponseEntity<String> refused(RuleViolation e, Locale locale) {
        return ResponseEntity.badRequest()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(e.words(messages, locale));
    }

    static CtdcExports.Request request(String from, String to, String k) {
        return request(from, to, k, null);
    }

    static CtdcExports.Request request(String from, String to, String k, String naming) {
        return new CtdcExports.Request(
                number(from, "statistics.ctdc.refused.yearNumber", "A year is a whole number."),
                number(to, "statistics.ctdc.refused.yearNumber", "A year is a whole number."),
                number(k, "statistics.ctdc.refused.kNumber", "k is a whole number."),
                CtdcVariable.Naming.of(naming));
    }

    private static Integer number(String value, String messageKey, String english) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(messageKey, english);
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
