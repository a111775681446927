package org.opennrm.linkage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Linkage runs for scripts: create a run, upload each agency's NAME.clk and NAME.ids (multipart), run it, fetch
 * the overlap table as CSV. Answers carry counts, never record ids or pairs.
 */
@RestController
@RequestMapping("/api/v1/linkage/runs")
@Tag(name = "Linkage runs", description = "Overlap of agencies' encoded lists for multiple systems estimation")
class LinkageRunsApi {

    private final LinkageRuns runs;

    LinkageRunsApi(LinkageRuns runs) {
        this.runs = runs;
    }

    /**
     * A new run.
     *
     * @param threshold from 0.5 to 1, 0.8 when left out: the match probability when every list comes with field
     *     encodings, otherwise the Dice similarity of the records' encodings
     * @param mergeWithinLists de-duplicate records within each list too; true when left out
     */
    record RunRequest(String name, Double threshold, Boolean mergeWithinLists) {}

    @GetMapping
    @PreAuthorize(LinkageRunController.RUN)
    @Operation(summary = "Linkage runs, newest first (without their overlap tables)")
    List<LinkageRun> all() {
        return runs.all();
    }

    @PostMapping
    @PreAuthorize(LinkageRunController.RUN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a draft run")
    LinkageRun create(@RequestBody(required = false) RunRequest request) {
        var body = request == null ? new RunRequest(null, null, null) : request;
        return runs.create(body.name(), body.threshold(), body.mergeWithinLists() == null || body.mergeWithinLists());
    }

    @GetMapping("/{id}")
    @PreAuthorize(LinkageRunController.RUN)
    @Operation(summary = "A run with its lists and, once completed, its overlap table")
    LinkageRun find(@PathVariable UUID id) {
        return runs.find(id);
    }

    @PostMapping("/{id}/lists")
    @PreAuthorize(LinkageRunController.RUN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Upload one agency's list (multipart: label, clk = NAME.clk, ids = NAME.ids, optionally"
                    + " fields = NAME.fields)",
            description = "NAME.clk holds N records of 128 bytes (1024-bit encodings), NAME.ids the N record ids,"
                    + " one per line, NAME.fields the field encodings the linkage tool writes beside them. All are"
                    + " checked in full before anything is stored; the ids are not stored. When every list of a run"
                    + " has field encodings, the run uses the field-aware model and its threshold is a match"
                    + " probability.")
    RunList upload(
            @PathVariable UUID id,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) MultipartFile clk,
            @RequestParam(required = false) MultipartFile ids,
            @RequestParam(required = false) MultipartFile fields)
            throws IOException {
        return runs.upload(id, label, bytes(clk), bytes(ids), bytes(fields));
    }

    @DeleteMapping("/{id}/lists/{listId}")
    @PreAuthorize(LinkageRunController.RUN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a list from a draft run")
    void removeList(@PathVariable UUID id, @PathVariable UUID listId) {
        runs.removeList(id, listId);
    }

    @PostMapping("/{id}/run")
    @PreAuthorize(LinkageRunController.RUN)
    @Operation(summary = "Link the lists, store the overlap table and delete the uploaded encodings")
    LinkageRun run(@PathVariable UUID id) {
        return runs.run(id);
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize(LinkageRunController.RUN)
    @Operation(summary = "Give up a draft run and delete its encodings")
    LinkageRun discard(@PathVariable UUID id) {
        return runs.discard(id);
    }

    @GetMapping("/{id}/overlap")
    @PreAuthorize(LinkageRunController.RUN)
    @Operation(summary = "The overlap table as CSV: one column per list and count, one row per combination")
    ResponseEntity<String> overlap(@PathVariable UUID id) {
        return LinkageRunController.csv(runs.overlapCsv(id), id);
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }
}
