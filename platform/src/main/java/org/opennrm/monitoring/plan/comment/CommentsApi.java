package org.opennrm.monitoring.plan.comment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national rapporteur's comments over HTTP: written by the rapporteur on a measure, a recommendation or a report,
 * read by every reader of the plan; never changed or removed. Problem details: 400 for an empty or too long comment
 * or an unknown kind of subject, 403 without the permission, 404 for a subject that does not exist.
 */
@RestController
@RequestMapping("/api/v1/plan-comments")
@Tag(name = "Rapporteur's comments", description = "Comments of the national rapporteur on the action plan")
class CommentsApi {

    private final RapporteurComments comments;

    CommentsApi(RapporteurComments comments) {
        this.comments = comments;
    }

    /** What the comment is about (MEASURE, RECOMMENDATION or REPORT and its id) and its text. */
    record CommentRequest(
            @NotNull CommentSubject subject,
            @NotNull UUID subjectId,
            @NotNull String text) {}

    @GetMapping
    @PreAuthorize(RapporteurComments.READ)
    @Operation(summary = "The comments on one measure, recommendation or report, oldest first")
    List<RapporteurComment> on(@RequestParam CommentSubject subject, @RequestParam UUID subjectId) {
        return comments.on(subject, subjectId);
    }

    @PostMapping
    @PreAuthorize(RapporteurComments.COMMENT)
    @Operation(summary = "Write a comment as the national rapporteur: dated, attributed, never changed")
    ResponseEntity<RapporteurComment> write(@Valid @RequestBody CommentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(comments.write(request.subject(), request.subjectId(), request.text()));
    }
}
