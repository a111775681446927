package org.opennrm.cases.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.DeadlineClock;
import org.opennrm.cases.DueKind;
import org.opennrm.cases.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The NRM's work list: open cases with a decision due, soonest first. Reads plain columns only (no identity,
 * nothing to decrypt), over the partial index on the due date, so that it stays fast with many cases.
 */
@Repository
public class NrmQueue {

    private final JdbcClient jdbc;
    private final DeadlineClock clock;

    NrmQueue(JdbcClient jdbc, DeadlineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** At most {@code limit} entries from {@code offset}, by due date then reference. */
    public List<QueueEntry> due(LocalDate today, int offset, int limit) {
        return jdbc.sql("""
                        select id, reference, stage, age_category, next_due_kind, next_due_on, referred_on,
                            recovery_ends_on
                        from cases.case_file where next_due_on is not null
                        order by next_due_on, reference offset :offset limit :limit""")
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> entry(rs, today))
                .list();
    }

    /** Entries due on or before {@code until}: overdue ones and those due soon. */
    public List<QueueEntry> dueBy(LocalDate today, LocalDate until, int limit) {
        return jdbc.sql("""
                        select id, reference, stage, age_category, next_due_kind, next_due_on, referred_on,
                            recovery_ends_on
                        from cases.case_file where next_due_on is not null and next_due_on <= :until
                        order by next_due_on, reference limit :limit""")
                .param("until", until)
                .param("limit", limit)
                .query((rs, n) -> entry(rs, today))
                .list();
    }

    private QueueEntry entry(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        var dueOn = rs.getObject("next_due_on", LocalDate.class);
        return new QueueEntry(
                CaseId.of(rs.getObject("id", UUID.class)),
                rs.getString("reference"),
                Stage.valueOf(rs.getString("stage")),
                AgeCategory.valueOf(rs.getString("age_category")),
                DueKind.valueOf(rs.getString("next_due_kind")),
                dueOn,
                rs.getObject("referred_on", LocalDate.class),
                rs.getObject("recovery_ends_on", LocalDate.class),
                clock.workingDaysBetween(today, dueOn),
                dueOn.isBefore(today));
    }

    /**
     * The counts of the NRM's home panel: overdue and soon-due decisions (as the queue's reminders count them) and
     * cases opened since {@code openedSince}. One pass over the case files; no identity is read.
     */
    public WorkSummary summary(LocalDate today, LocalDate soonUntil, java.time.Instant openedSince) {
        return jdbc.sql("""
                        select count(*) filter (where next_due_on < :today) as overdue,
                            count(*) filter (where next_due_on >= :today and next_due_on <= :soon) as due_soon,
                            count(*) filter (where opened_at >= :since) as opened,
                            count(*) filter (where status = 'OPEN') as open
                        from cases.case_file""")
                .param("today", today)
                .param("soon", soonUntil)
                .param("since", java.sql.Timestamp.from(openedSince))
                .query((rs, n) -> new WorkSummary(
                        rs.getLong("overdue"), rs.getLong("due_soon"), rs.getLong("opened"), rs.getLong("open")))
                .single();
    }

    /**
     * The cases whose guardian (the one appointed last, as for reading a case) is {@code guardianAccountId}, open
     * ones first. This is how a guardian finds the child's case without being given its address.
     */
    public List<GuardedCase> guardedBy(UUID guardianAccountId) {
        return jdbc.sql("""
                        select c.id, c.reference, c.status, c.stage, c.next_due_kind, c.next_due_on
                        from cases.case_file c
                        join lateral (select g.guardian_account_id from cases.guardian_appointment g
                            where g.case_id = c.id order by g.appointed_at desc limit 1) latest on true
                        where latest.guardian_account_id = :guardian
                        order by c.status desc, c.next_due_on nulls last, c.reference""")
                .param("guardian", guardianAccountId)
                .query((rs, n) -> new GuardedCase(
                        CaseId.of(rs.getObject("id", UUID.class)),
                        rs.getString("reference"),
                        org.opennrm.cases.CaseStatus.valueOf(rs.getString("status")),
                        Stage.valueOf(rs.getString("stage")),
                        rs.getString("next_due_kind") == null ? null : DueKind.valueOf(rs.getString("next_due_kind")),
                        rs.getObject("next_due_on", LocalDate.class)))
                .list();
    }

    public java.util.Optional<CaseId> byReference(String reference) {
        return jdbc.sql("select id from cases.case_file where reference = :reference")
                .param("reference", reference)
                .query(UUID.class)
                .optional()
                .map(CaseId::of);
    }
}
