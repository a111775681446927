package org.opennrm.monitoring.plan.body;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opennrm.monitoring.events.ActionItemDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders of the co-ordinating body's action items: an open item is reminded once when its due date comes within
 * {@link CoordinatingBody#DUE_SOON_DAYS} days, and once more when the date has passed (only that once when the job
 * first sees it after the date, for example after a stop). Marking it done ends the reminders. The notification
 * module tells the assigned organisation's plan reporters and the co-ordinators, on the platform and by e-mail.
 */
@Service
class ActionItemReminders {

    private static final Logger log = LoggerFactory.getLogger(ActionItemReminders.class);

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionItemReminders(
            org.springframework.jdbc.core.simple.JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Every quarter of an hour by default, with the platform's other reminders. */
    @Scheduled(cron = "${opennrm.reminders.cron:0 */15 * * * *}")
    void scheduled() {
        int reminded = remind(LocalDate.now(clock));
        if (reminded > 0) {
            log.info("Action item reminders sent: {}", reminded);
        }
    }

    /**
     * Reminds the open action items due within the window or overdue by {@code today}; returns how many reminders were
     * new. The unique (item, kind) row is taken in the same statement that finds it, so two runs at once (two nodes)
     * remind once; the event is published in the same transaction, so a reminder taken is a reminder told.
     */
    @Transactional
    int remind(LocalDate today) {
        var now = Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        var added = jdbc.sql("""
                        with added as (
                            insert into monitoring.plan_body_action_reminder (id, action_id, kind, reminded_at)
                            select gen_random_uuid(), a.id,
                                case when a.due_on < :today then 'OVERDUE' else 'DUE_SOON' end, :now
                            from monitoring.plan_body_action a
                            where a.done_on is null and a.due_on <= :until
                            on conflict (action_id, kind) do nothing
                            returning id, action_id, kind)
                        select added.id, added.action_id, added.kind, a.meeting_id, a.organisation_id
                        from added join monitoring.plan_body_action a on a.id = added.action_id""")
                .param("today", today)
                .param("until", today.plusDays(CoordinatingBody.DUE_SOON_DAYS))
                .param("now", now)
                .query((rs, n) -> new ActionItemDue(
                        rs.getObject("id", UUID.class),
                        rs.getObject("action_id", UUID.class),
                        rs.getObject("meeting_id", UUID.class),
                        rs.getObject("organisation_id", UUID.class),
                        "OVERDUE".equals(rs.getString("kind"))))
                .list();
        added.forEach(events::publishEvent);
        return added.size();
    }
}
