package org.opennrm.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opennrm.cases.events.DeadlineApproaching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds ahead of time that a decision falls due: the preliminary decision, and the formal one, due when the
 * recovery and reflection period ends. Each open case whose next deadline is no more than the reminder window
 * ({@link IdentificationSettings#reminderWorkingDays()} working days) ahead is announced once by a {@link
 * DeadlineApproaching} event, which the notifications module turns into notices and e-mails by each person's choice.
 *
 * <p>Once means once: the reminder row (case, kind, due day) and its event are written in one transaction, and the
 * row's key refuses a second one, so neither a second node running the same job at the same moment nor a restart
 * repeats a reminder. A deadline that is already past when the job first sees it is not reminded (it is overdue, on
 * the NRM's home panel and queue, not ahead).
 */
@Component
class DeadlineReminders {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

    private final JdbcClient jdbc;
    private final DeadlineClock deadlines;
    private final IdentificationSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineReminders(
            JdbcClient jdbc,
            DeadlineClock deadlines,
            IdentificationSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Every quarter of an hour by default: a deadline entering the window is reminded the same morning. */
    @Scheduled(cron = "${opennrm.reminders.cron:0 */15 * * * *}")
    void scheduled() {
        int reminded = remind(LocalDate.now(clock));
        if (reminded > 0) {
            log.info("Deadline reminders sent: {}", reminded);
        }
    }

    /** Reminds the deadlines that entered the window by {@code today}; returns how many reminders were new. */
    @Transactional
    int remind(LocalDate today) {
        var until = deadlines.addWorkingDays(today, settings.reminderWorkingDays());
        record New(UUID id, UUID caseId, DueKind kind, LocalDate dueOn) {}
        var added = jdbc.sql("""
                        insert into cases.deadline_reminder (id, case_id, due_kind, due_on, reminded_at)
                        select gen_random_uuid(), id, next_due_kind, next_due_on, :now from cases.case_file
                        where status = 'OPEN' and erased_at is null and next_due_kind is not null
                          and next_due_on between :today and :until
                        on conflict on constraint deadline_reminder_once do nothing
                        returning id, case_id, due_kind, due_on""")
                .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("today", today)
                .param("until", until)
                .query((rs, n) -> new New(
                        rs.getObject("id", UUID.class),
                        rs.getObject("case_id", UUID.class),
                        DueKind.valueOf(rs.getString("due_kind")),
                        rs.getObject("due_on", LocalDate.class)))
                .list();
        for (var reminder : added) {
            events.publishEvent(new DeadlineApproaching(
                    reminder.id(),
                    CaseId.of(reminder.caseId()),
                    reminder.kind(),
                    deadlines.workingDaysBetween(today, reminder.dueOn())));
        }
        return added.size();
    }
}
