package org.opennrm.monitoring.plan.comment;

import java.time.Instant;
import java.util.UUID;

/** A comment of the national rapporteur on a measure, recommendation or report: dated, attributed, never changed. */
public record RapporteurComment(
        UUID id,
        CommentSubject subject,
        UUID subjectId,
        String text,
        UUID authorId,
        String authorName,
        Instant writtenAt) {

    static final int TEXT_LENGTH = 4000;
}
