package org.opennrm.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.CategoryLabels;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Releases of national tables over HTTP: list, read, assemble (a statistician), approve (a second statistician,
 * which publishes) and download published tables. Refusals are RFC 9457 problems (400) saying why; a refused
 * release stores nothing.
 */
@RestController
@RequestMapping("/api/v1/statistics/releases")
@Tag(name = "Statistics releases", description = "Assembling, approving and downloading releases of national tables")
class ReleasesApi {

    private static final String READ = "hasAuthority('statistics:read:all')";
    private static final String RELEASE = "hasAuthority('statistics:release:all')";

    private final Releases releases;

    private final CategoryLabels labels;

    ReleasesApi(Releases releases, CategoryLabels labels) {
        this.labels = labels;
        this.releases = releases;
    }

    /** A release in a list: what it is, without its tables. */
    record ReleaseSummary(
            UUID id,
            String title,
            Release.ReleaseStatus status,
            int tables,
            long suppressions,
            java.time.Instant assembledAt,
            java.time.Instant approvedAt) {

        static ReleaseSummary of(Release release) {
            return new ReleaseSummary(
                    release.id(),
                    release.title(),
                    release.status(),
                    release.tables().size(),
                    release.suppressions(),
                    release.assembledAt(),
                    release.approvedAt());
        }
    }

    /**
     * A release to assemble.
     *
     * @param tables each as {@code rows:columns}, dimension words as in {@code /api/v1/statistics/dimensions}
     * @param from first quarter such as 2025-Q1, or null
     * @param rounding NONE, CONVENTIONAL or RANDOM
     */
    record AssembleRequest(String title, List<String> tables, String from, String to, String region, String rounding) {}

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "Every release, newest first")
    List<ReleaseSummary> list() {
        return releases.all().stream().map(ReleaseSummary::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "A release with its tables as published (suppressed cells null) and each disclosure check")
    Release read(@PathVariable UUID id) {
        return releases.find(id).orElseThrow(() -> new RecordNotFound("release", id));
    }

    @PostMapping
    @PreAuthorize(RELEASE)
    @Operation(
            summary = "Assemble a release awaiting approval",
            description = "Every table passes disclosure control and is compared with published releases over nested"
                    + " periods. 400 for an unknown dimension, a bad period or rounding, no tables, or a release"
                    + " whose differences from a published one would reveal a small count; nothing is stored then.")
    ResponseEntity<Release> assemble(@RequestBody AssembleRequest request) {
        List<TableRequest> tables = new ArrayList<>();
        for (String table : request.tables() == null ? List.<String>of() : request.tables()) {
            String[] dimensions = table == null ? new String[0] : table.split(":");
            if (dimensions.length != 2) {
                throw new RuleViolation(
                        "statistics.problem.tableSyntax", "A table is written rows:columns, for example quarter:sex.");
            }
            tables.add(TableRequest.of(
                    dimensions[0].strip(),
                    dimensions[1].strip(),
                    null,
                    request.from(),
                    request.to(),
                    request.region()));
        }
        var release = releases.assemble(request.title(), tables, StatisticsController.rounding(request.rounding()));
        return ResponseEntity.created(URI.create("/api/v1/statistics/releases/" + release.id()))
                .body(release);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(RELEASE)
    @Operation(
            summary = "Approve and so publish a release",
            description = "By a statistician other than the one who assembled it. 400 if already published, if"
                    + " you assembled it, or if a release published since would now be differenced.")
    Release approve(@PathVariable UUID id) {
        return releases.approve(id);
    }

    @GetMapping("/{id}/tables/{index}")
    @PreAuthorize(READ)
    @Operation(summary = "A table of a published release as CSV or XLSX (format=csv or xlsx); audited")
    ResponseEntity<byte[]> download(
            @PathVariable UUID id, @PathVariable int index, @RequestParam(defaultValue = "csv") String format) {
        return ReleasesController.file(releases, id, index, format, TableFiles.Labels.of(labels));
    }
}
