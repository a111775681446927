package org.opennrm.monitoring.plan.comment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.Recommendations;
import org.opennrm.monitoring.plan.report.PlanReports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The independent national rapporteur's comments on the action plan ({@code plan:comment:all}): on a measure, a
 * recommendation or a yearly report (its draft included), shown beside it to every reader of the plan. A comment is
 * dated and attributed and is never changed or removed by anyone, the co-ordinator included (there is no such step,
 * and the database refuses it). Audited with ids only.
 */
@Service
public class RapporteurComments {

    static final String READ = "hasAnyAuthority('plan:read:all','plan:update:organisation')";
    static final String COMMENT = "hasAuthority('plan:comment:all')";

    private final JdbcClient jdbc;
    private final ActionPlans plans;
    private final Recommendations recommendations;
    private final PlanReports reports;
    private final AuditTrail audit;
    private final Clock clock;

    RapporteurComments(
            JdbcClient jdbc,
            ActionPlans plans,
            Recommendations recommendations,
            PlanReports reports,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.recommendations = recommendations;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes a comment on an existing measure, recommendation or report (an unknown one answers not found). */
    @Transactional
    @PreAuthorize(COMMENT)
    public RapporteurComment write(CommentSubject subject, UUID subjectId, String text) {
        if (subject == null || subjectId == null) {
            throw new RuleViolation("plan.refused.comment.subject", "Say what the comment is about.");
        }
        String kept = text == null ? "" : text.strip();
        if (kept.isEmpty()) {
            throw new RuleViolation("plan.comment.required", "Write the comment.");
        }
        if (kept.length() > RapporteurComment.TEXT_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.comment.size",
                    "A comment has at most " + RapporteurComment.TEXT_LENGTH + " characters.",
                    RapporteurComment.TEXT_LENGTH);
        }
        switch (subject) {
            case MEASURE -> plans.measure(subjectId);
            case RECOMMENDATION -> recommendations.find(subjectId);
            case REPORT -> reports.report(subjectId);
        }
        var actor = Actor.current().orElseThrow();
        var comment = new RapporteurComment(
                UUID.randomUUID(), subject, subjectId, kept, actor.accountId(), actor.username(), clock.instant());
        jdbc.sql("""
                        insert into monitoring.plan_comment (id, subject_type, subject_id, text, author_id, author_name,
                            written_at)
                        values (:id, :subject, :subjectId, :text, :authorId, :authorName, :at)""")
                .param("id", comment.id())
                .param("subject", subject.name())
                .param("subjectId", subjectId)
                .param("text", kept)
                .param("authorId", comment.authorId())
                .param("authorName", comment.authorName())
                .param("at", Timestamp.from(comment.writtenAt()))
                .update();
        audit.record(AuditAction.CREATE, "plan-comment", comment.id(), subject + " " + subjectId);
        return comment;
    }

    /** The comments on one subject, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<RapporteurComment> on(CommentSubject subject, UUID subjectId) {
        return jdbc.sql("""
                        select * from monitoring.plan_comment where subject_type = :subject and subject_id = :subjectId
                        order by written_at, id""")
                .param("subject", subject.name())
                .param("subjectId", subjectId)
                .query((rs, n) -> new RapporteurComment(
                        rs.getObject("id", UUID.class),
                        CommentSubject.valueOf(rs.getString("subject_type")),
                        rs.getObject("subject_id", UUID.class),
                        rs.getString("text"),
                        rs.getObject("author_id", UUID.class),
                        rs.getString("author_name"),
                        rs.getTimestamp("written_at").toInstant()))
                .list();
    }

    /** Whether the signed-in person comments as the rapporteur. */
    public boolean mayComment() {
        return Actor.current()
                .map(actor -> actor.can(Permission.PLAN_COMMENT, Scope.ALL))
                .orElse(false);
    }
}
