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
                .query((rs, n) -> {
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
                })
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
                .query((rs, n) -> {
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
                })
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
