package org.opennrm.monitoring.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opennrm.monitoring.events.MeasureDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders to the organisations that lead the plan's measures. A started measure that is neither done nor dropped owes
 * a status report every {@code opennrm.plan.report-every-days} days (90 by default: quarterly, as co-ordinators
 * usually ask) counted from its last report, or from its start when it has none; when that day comes, its lead is
 * reminded once. A measure past its due date is reminded once as overdue, to its lead and to the co-ordinators. A new
 * report, or a changed due date, gives a new date and so, in time, a new reminder.
 */
@Service
class MeasureReminders {

    private static final Logger log = LoggerFactory.getLogger(MeasureReminders.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int reportEveryDays;

    MeasureReminders(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${opennrm.plan.report-every-days:90}") int reportEveryDays) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.reportEveryDays = reportEveryDays;
    }

    /** Every quarter of an hour by default, with the platform's other reminders. */
    @Scheduled(cron = "${opennrm.reminders.cron:0 */15 * * * *}")
    void scheduled() {
        int reminded = remind(LocalDate.now(clock));
        if (reminded > 0) {
            log.info("Action plan measure reminders sent: {}", reminded);
        }
    }

    /**
     * Reminds the measures whose status report is due, or that are overdue, by {@code today}; returns how many
     * reminders were new. The unique (measure, kind, date) row is taken in the statement that finds it, and the event
     * published in the same transaction: two runs at once remind once, and a reminder taken is a reminder told.
     */
    @Transactional
    int remind(LocalDate today) {
        var added = jdbc.sql("""
                        with open as (
                            select m.id, m.lead_organisation, m.due_on,
                                coalesce((select max(c.changed_at)::date from monitoring.plan_status_change c
                                          where c.measure_id = m.id and c.changed_at::date >= m.starts_on),
                                         m.starts_on) + :every as report_due
                            from monitoring.plan_measure m
                            where m.status not in ('DONE', 'DROPPED') and m.starts_on <= :today),
                        added as (
                            insert into monitoring.plan_measure_reminder (id, measure_id, kind, due_on, reminded_at)
                            select gen_random_uuid(), id, 'REPORT_DUE', report_due, cast(:now as timestamptz)
                                from open where report_due <= :today and report_due <= due_on
                            union all
                            select gen_random_uuid(), id, 'OVERDUE', due_on, cast(:now as timestamptz) from open where due_on < :today
                            on conflict (measure_id, kind, due_on) do nothing
                            returning id, measure_id, kind)
                        select added.id, added.measure_id, added.kind, m.lead_organisation
                        from added join monitoring.plan_measure m on m.id = added.measure_id""")
                .param("every", reportEveryDays)
                .param("today", today)
                .param("now", Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)))
                .query((rs, n) -> new MeasureDue(
                        rs.getObject("id", UUID.class),
                        rs.getObject("measure_id", UUID.class),
                        rs.getObject("lead_organisation", UUID.class),
                        "OVERDUE".equals(rs.getString("kind"))))
                .list();
        added.forEach(events::publishEvent);
        return added.size();
    }
}
