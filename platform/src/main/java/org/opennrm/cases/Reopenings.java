package org.opennrm.cases;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the history of reopenings, written in the transaction that reopens the case. */
@Component
class Reopenings {

    private final JdbcClient jdbc;

    Reopenings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CaseReopened reopened) {
        jdbc.sql("""
                        insert into cases.reopening (id, case_id, reason, reopened_at, reopened_by)
                        values (:id, :caseId, :reason, :at, :by)""")
                .param("id", UUID.randomUUID())
                .param("caseId", reopened.caseId().value())
                .param("reason", reopened.reason())
                .param("at", Timestamp.from(reopened.reopenedAt()))
                .param("by", reopened.reopenedBy())
                .update();
    }

    List<CaseReopened> of(CaseId id) {
        return jdbc.sql("select * from cases.reopening where case_id = :id order by reopened_at")
                .param("id", id.value())
                .query((rs, n) -> new CaseReopened(
                        id,
                        rs.getString("reason"),
                        rs.getObject("reopened_by", UUID.class),
                        rs.getTimestamp("reopened_at").toInstant()))
                .list();
    }
}
