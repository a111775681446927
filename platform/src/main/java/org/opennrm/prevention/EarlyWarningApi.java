package org.opennrm.prevention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The change detector over HTTP for series of one's own. Bad or short series answer 400 with what to fix. */
@RestController
@RequestMapping("/api/v1/prevention")
@Tag(name = "Prevention", description = "Early warning of sudden shifts in count series")
class EarlyWarningApi {

    private final EarlyWarnings earlyWarnings;

    EarlyWarningApi(EarlyWarnings earlyWarnings) {
        this.earlyWarnings = earlyWarnings;
    }

    /* One mapping for both body types (no "consumes"): a person without the permission is told so first. */
    @PostMapping("/early-warning")
    @PreAuthorize(PreventionAccess.READ)
    @Operation(
            summary = "Flag sudden shifts in a series of counts",
            description = "Body: CSV as text/csv with the header period,value and one row per consecutive quarter"
                    + " (2021-Q3) or month (2021-07), values counts of zero or more; or a multipart upload in the"
                    + " part 'file'. Answers the flags oldest first, each with its period, direction (UP or DOWN),"
                    + " size (observed relative to what the segment before predicted: -0.23 is a fall of 23%),"
                    + " confidence (posterior probability of a change in that period), expected and observed values,"
                    + " and provisional for the last period (not yet confirmed by the next). 400 for a series shorter"
                    + " than 8 periods, a missing or repeated period, mixed quarters and months, or a value that is"
                    + " not a count.")
    EarlyWarningReport earlyWarning(
            @RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request)
            throws IOException {
        byte[] body =
                file != null ? file.getBytes() : request.getInputStream().readNBytes(SeriesCsv.MAX_CHARACTERS * 4 + 1);
        return earlyWarnings.check(new String(body, StandardCharsets.UTF_8));
    }
}
