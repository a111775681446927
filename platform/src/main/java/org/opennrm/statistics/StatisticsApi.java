package org.opennrm.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.opennrm.statistics.publishing.CategoryLabels;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Standard national tables over HTTP, always after disclosure control. */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics", description = "Standard national tables with disclosure control")
class StatisticsApi {

    private static final String READ = "hasAuthority('statistics:read:all')";

    private final NationalStatistics statistics;
    private final CategoryLabels labels;

    StatisticsApi(NationalStatistics statistics, CategoryLabels labels) {
        this.statistics = statistics;
        this.labels = labels;
    }

    @GetMapping("/dimensions")
    @PreAuthorize(READ)
    @Operation(summary = "The dimensions national tables can be built from")
    List<String> dimensions() {
        return Arrays.stream(Dimension.values()).map(Dimension::word).toList();
    }

    @GetMapping("/tables")
    @PreAuthorize(READ)
    @Operation(
            summary = "A national table by two dimensions, disclosure-controlled",
            description = "rows and columns name dimensions (see /dimensions); event defaults to what the dimensions"
                    + " imply (referrals otherwise); from and to are quarters like 2024-Q1; region is a region code;"
                    + " rounding is NONE, CONVENTIONAL or RANDOM (base 5). Suppressed cells are null; the disclosure"
                    + " check lists each with its reason. 400 for an unknown dimension.")
    TableView table(
            @RequestParam String rows,
            @RequestParam String columns,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String rounding) {
        var request = TableRequest.of(rows, columns, event, from, to, region);
        return TableView.of(request, statistics.table(request, StatisticsController.rounding(rounding)));
    }

    @GetMapping("/tables/download")
    @PreAuthorize(READ)
    @Operation(summary = "The same table as a CSV or XLSX file (format=csv or xlsx)")
    ResponseEntity<byte[]> download(
            @RequestParam String rows,
            @RequestParam String columns,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String rounding,
            @RequestParam(defaultValue = "csv") String format) {
        var request = TableRequest.of(rows, columns, event, from, to, region);
        return StatisticsController.file(
                request,
                statistics.table(request, StatisticsController.rounding(rounding)),
                format,
                TableFiles.Labels.of(labels));
    }
}
