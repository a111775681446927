package org.opennrm.prevention.ads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ad screening over HTTP, for the ad analysts of the organisation that imported the ads; counts by category and
 * quarter for whoever reads prevention evidence. A file that cannot be imported answers 400 with every line to change.
 */
@RestController
@RequestMapping("/api/v1/ads")
@Tag(name = "Ad screening", description = "Collected ads screened for indicators, clustered and triaged")
class AdsApi {

    static final int MAX_LIMIT = 500;

    private final AdScreening screening;
    private final AdReasons reasons;
    private final MessageSource messages;

    AdsApi(AdScreening screening, AdReasons reasons, MessageSource messages) {
        this.screening = screening;
        this.reasons = reasons;
        this.messages = messages;
    }

    /** A cluster in the queue, with its reasons in words and as parts. */
    record QueuedCluster(
            int place,
            UUID cluster,
            double score,
            int ads,
            int sites,
            List<String> reasons,
            List<Triage.Reason> reasonParts,
            Label label,
            Instant firstSeen,
            Instant lastSeen) {}

    record QueueAnswer(
            String lexiconVersion,
            int ads,
            int clusters,
            int clustersInQueue,
            List<AdScreening.PrecisionAtK> precision,
            List<QueuedCluster> queue) {}

    record ClusterAnswer(
            UUID cluster,
            Double score,
            List<String> reasons,
            List<Triage.Reason> reasonParts,
            Label label,
            List<AdScreening.AdView> ads) {}

    record LabelRequest(Label label) {}

    @PostMapping(
            value = "/imports",
            consumes = {"text/csv", "application/json", "text/plain"})
    @PreAuthorize(AdsAccess.SCREEN)
    @Operation(
            summary = "Import collected ads (CSV or JSON), whole or not at all",
            description = "Body: CSV with the header reference,collected_at,site,text and optionally language,title,"
                    + "phones,emails,handles,location (several contacts separated by ';'), or a JSON array of objects"
                    + " with the same fields (contacts may be arrays). region: the ISO 3166 region for phone numbers"
                    + " written nationally (the platform's default when absent). Answers 201 with the import, or 400"
                    + " (urn:opennrm:problem:AdsInvalid) with problems: one {line, message} per problem (line 0: the"
                    + " file as a whole; in JSON the line is the entry's position).")
    ResponseEntity<AdScreening.Imported> importAds(
            @RequestBody String content, @RequestParam(name = "region", required = false) String region) {
        var imported = screening.importAds(content, region);
        return ResponseEntity.created(URI.create("/api/v1/ads/queue")).body(imported);
    }

    @GetMapping("/queue")
    @PreAuthorize(AdsAccess.SCREEN)
    @Operation(
            summary = "The triage queue: clusters with at least one indicator, highest score first, each with its"
                    + " reasons; and the queue's precision at 10, 20 and 50 from the labels given")
    QueueAnswer queue(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        var queue = screening.queue(limit);
        return new QueueAnswer(
                queue.lexiconVersion(),
                queue.ads(),
                queue.clusters(),
                queue.clustersInQueue(),
                queue.precision(),
                queue.entries().stream()
                        .map(entry -> new QueuedCluster(
                                entry.place(),
                                entry.ranked().cluster(),
                                entry.ranked().score(),
                                entry.ranked().ads().size(),
                                entry.sites(),
                                reasons.of(entry.ranked(), Locale.ENGLISH),
                                entry.ranked().reasons(),
                                entry.label(),
                                entry.firstSeen(),
                                entry.lastSeen()))
                        .toList());
    }

    @GetMapping("/clusters/{id}")
    @PreAuthorize(AdsAccess.SCREEN)
    @Operation(
            summary = "One cluster with its ads (texts and contacts decrypted; the read is audited); 404 when not"
                    + " the own organisation's")
    ClusterAnswer cluster(@PathVariable UUID id) {
        var cluster = screening.cluster(id);
        return new ClusterAnswer(
                cluster.id(),
                cluster.ranked() == null ? null : cluster.ranked().score(),
                reasons.of(cluster.ranked(), Locale.ENGLISH),
                cluster.ranked() == null ? List.of() : cluster.ranked().reasons(),
                cluster.label(),
                cluster.ads());
    }

    @PostMapping("/clusters/{id}/labels")
    @PreAuthorize(AdsAccess.SCREEN)
    @Operation(summary = "Label a whole cluster: {\"label\": \"RELEVANT\" | \"NOT_RELEVANT\" | \"UNSURE\"}")
    ResponseEntity<Void> labelCluster(@PathVariable UUID id, @RequestBody LabelRequest request) {
        screening.labelCluster(id, request == null ? null : request.label());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/labels")
    @PreAuthorize(AdsAccess.SCREEN)
    @Operation(summary = "Label one ad: {\"label\": \"RELEVANT\" | \"NOT_RELEVANT\" | \"UNSURE\"}")
    ResponseEntity<Void> labelAd(@PathVariable UUID id, @RequestBody LabelRequest request) {
        screening.labelAd(id, request == null ? null : request.label());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/aggregates")
    @PreAuthorize(AdsAccess.AGGREGATES)
    @Operation(
            summary = "Screened ads and clusters by quarter and indicator category, over all organisations, through"
                    + " the statistics office's disclosure control (EXACT with its value, FEWER_THAN the minimum"
                    + " cell size, or WITHHELD)")
    AdScreening.Aggregates aggregates() {
        return screening.aggregates();
    }

    @ExceptionHandler(AdsInvalid.class)
    ProblemDetail invalid(AdsInvalid e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Not possible");
        problem.setType(URI.create("urn:opennrm:problem:AdsInvalid"));
        problem.setProperty(
                "problems",
                e.problems().stream()
                        .map(p -> Map.of(
                                "line",
                                p.line(),
                                "message",
                                messages.getMessage(p.key(), p.messageArguments(), Locale.ENGLISH)))
                        .toList());
        problem.setProperty("moreProblems", e.more());
        return problem;
    }
}
