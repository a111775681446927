package org.opennrm.assistance;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opennrm.assistance.events.ResidencePermitExpiring;
import org.opennrm.cases.CaseId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces, once a day, the residence permits that expire within {@link Assistance#PERMIT_REMINDER_DAYS} days, so
 * that the notifications module reminds case managers in time for a renewal. A permit is announced on each day of its
 * window (so that a day the job did not run loses nothing); the notifications module tells each person of a permit
 * once, whatever the number of announcements, nodes or restarts. A permit already expired is not announced: it is on
 * the permit reminders page.
 */
@Component
class PermitExpiryReminders {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PermitExpiryReminders(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${opennrm.reminders.permits-cron:0 0 6 * * *}")
    void scheduled() {
        announce(LocalDate.now(clock));
    }

    /** Announces the permits that expire between {@code today} and the end of the window; returns how many. */
    @Transactional
    int announce(LocalDate today) {
        record Permit(UUID id, UUID caseId, LocalDate expiresOn) {}
        var expiring = jdbc.sql("""
                        select id, case_id, expires_on from assistance.service
                        where expires_on between :today and :until order by expires_on, id""")
                .param("today", Date.valueOf(today))
                .param("until", Date.valueOf(today.plusDays(Assistance.PERMIT_REMINDER_DAYS)))
                .query((rs, n) -> new Permit(
                        rs.getObject("id", UUID.class),
                        rs.getObject("case_id", UUID.class),
                        rs.getDate("expires_on").toLocalDate()))
                .list();
        for (var permit : expiring) {
            events.publishEvent(new ResidencePermitExpiring(
                    permit.id(), CaseId.of(permit.caseId()), (int) ChronoUnit.DAYS.between(today, permit.expiresOn())));
        }
        return expiring.size();
    }
}
