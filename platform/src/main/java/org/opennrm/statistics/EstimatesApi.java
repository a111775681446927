package org.opennrm.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Estimates of the hidden number over HTTP. Bad tables answer 400 with a problem that says what to fix. */
@RestController
@RequestMapping("/api/v1/estimates")
@Tag(name = "Estimates", description = "Multiple systems estimation of the hidden number")
class EstimatesApi {

    private final Estimates estimates;

    EstimatesApi(Estimates estimates) {
        this.estimates = estimates;
    }

    /*
     * One mapping for both body types (no "consumes"), so that a person without the permission is told
     * "forbidden" whatever they send, before the body is looked at.
     */
    @PostMapping("/mse")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    @Operation(
            summary = "Estimate the hidden number by multiple systems estimation",
            description = "Body: a list-overlap table as text/csv (header = list names and a count column named"
                    + " count, frequency or n; one row per combination of lists with 0 or 1 per list), or a"
                    + " multipart upload in the part 'file'. Fits Poisson log-linear models by maximum likelihood:"
                    + " main effects, every single two-list interaction, and forward stepwise selection by AIC and"
                    + " by BIC; 95% profile-likelihood intervals. Models on the boundary or not converging are"
                    + " listed with their status and no number. 400 for fewer than three lists, an empty table,"
                    + " values other than 0/1, negative counts or a main-effects model that cannot be fitted.")
    MseEstimate mse(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request)
            throws IOException {
        byte[] body =
                file != null ? file.getBytes() : request.getInputStream().readNBytes(Estimates.MAX_CHARACTERS * 4 + 1);
        return estimates.multipleSystems(new String(body, StandardCharsets.UTF_8));
    }

    @PostMapping("/mse/linkage-runs/{runId}")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    @Operation(
            summary = "Estimate the hidden number from a completed linkage run",
            description = "Runs the same estimation as POST /api/v1/estimates/mse on the overlap table of a completed"
                    + " linkage run (counts per combination of the agencies' lists). Needs linkage:run:all as well"
                    + " as statistics:read:all. 404 for an unknown run; 400 for a run that has not run yet or that"
                    + " links fewer than three lists.")
    MseEstimate fromLinkageRun(@PathVariable UUID runId) {
        return estimates.fromLinkageRun(estimates.linkageRun(runId));
    }
}
