package org.opennrm.monitoring.returns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.monitoring.events.AgencyFiguresDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each agency's figures for a year are due, and the reminders that keep them from being forgotten: the statistics
 * office sets a date per agency and year; an agency that has sent nothing for the year is reminded once when the date
 * comes within the window, and once more when it has passed (also when the reminder job first sees it after the
 * date, for example after a stop). Figures sent, approved or not, end the reminders.
 */
@Service
class AgencyDeadlines {

    private static final Logger log = LoggerFactory.getLogger(AgencyDeadlines.class);
    static final String RECORD_TYPE = "agency-deadline";
    private static final String RELEASE = "hasAuthority('statistics:release:all')";
    private static final String EITHER = "hasAuthority('returns:submit:organisation') or " + RELEASE;

    /** Where an agency stands for a year, as its reporters and the statistics office see it. */
    enum State {
        NO_DEADLINE,
        DUE,
        DUE_SOON,
        OVERDUE,
        SENT,
        APPROVED
    }

    record Deadline(Agency agency, int year, LocalDate dueOn, State state) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int reminderDays;

    AgencyDeadlines(
            JdbcClient jdbc,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${opennrm.returns.reminder-days:14}") int reminderDays) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.reminderDays = reminderDays;
    }

    /** Sets (or moves) the date an agency's figures for a year are due. */
    @Transactional
    @PreAuthorize(RELEASE)
    void set(Agency agency, int year, LocalDate dueOn) {
        ReportingPeriod.year(year);
        if (agency == null) {
            throw new RuleViolation("returns.refused.deadlineAgency", "Choose the agency.");
        }
        if (dueOn == null) {
            throw new RuleViolation("returns.refused.deadlineDate", "Give the date the figures are due.");
        }
        if (dueOn.isBefore(LocalDate.of(year + 1, 1, 1))) {
            throw new RuleViolation(
                    "returns.refused.deadlineAfterYear",
                    "Figures for " + year + " can be complete only after the year: choose a date in " + (year + 1)
                            + " or later.",
                    String.valueOf(year),
                    String.valueOf(year + 1));
        }
        if (dueOn.isAfter(LocalDate.of(year + 3, 12, 31))) {
            throw new RuleViolation(
                    "returns.refused.deadlineWithin",
                    "Choose a date within three years after " + year + ".",
                    String.valueOf(year));
        }
        var actor = Actor.current().orElseThrow(() -> new IllegalStateException("a deadline needs a signed-in actor"));
        jdbc.sql("""
                        insert into monitoring.return_agency_deadline (agency, period_year, due_on, set_by, set_at)
                        values (:agency, :year, :due, :by, :at)
                        on conflict (agency, period_year) do update
                            set due_on = excluded.due_on, set_by = excluded.set_by, set_at = excluded.set_at""")
                .param("agency", agency.name())
                .param("year", year)
                .param("due", dueOn)
                .param("by", actor.accountId())
                .param("at", Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)))
                .update();
        audit.record(
                AuditAction.UPDATE,
                RECORD_TYPE,
                UUID.nameUUIDFromBytes((agency + ":" + year).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "agency=" + agency + " year=" + year + " due=" + dueOn);
    }

    /** Every agency's deadline and state for a year, in the order of the agencies. */
    @Transactional(readOnly = true)
    @PreAuthorize(EITHER)
    List<Deadline> forYear(int year) {
        ReportingPeriod.year(year);
        var today = LocalDate.now(clock);
        // whether each agency has sent and had approved its figures, whoever sent them (a reporter sees only their
        // own organisation's figures, but every agency's state)
        var sent = new java.util.HashMap<String, Boolean>();
        jdbc.sql("""
                        select agency, bool_or(status = 'APPROVED') from monitoring.return_agency_report
                        where period_year = ? and period_quarter is null group by agency""").param(year).query(rs -> {
            sent.put(rs.getString(1), rs.getBoolean(2));
        });
        var due = new java.util.HashMap<String, LocalDate>();
        jdbc.sql("select agency, due_on from monitoring.return_agency_deadline where period_year = ?")
                .param(year)
                .query(rs -> {
                    due.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                });
        List<Deadline> deadlines = new ArrayList<>();
        for (Agency agency : Agency.values()) {
            var dueOn = Optional.ofNullable(due.get(agency.name()));
            State state;
            if (sent.containsKey(agency.name())) {
                state = sent.get(agency.name()) ? State.APPROVED : State.SENT;
            } else if (dueOn.isEmpty()) {
                state = State.NO_DEADLINE;
            } else if (dueOn.get().isBefore(today)) {
                state = State.OVERDUE;
            } else if (!dueOn.get().isAfter(today.plusDays(reminderDays))) {
                state = State.DUE_SOON;
            } else {
                state = State.DUE;
            }
            deadlines.add(new Deadline(agency, year, dueOn.orElse(null), state));
        }
        return deadlines;
    }

    /** Every quarter of an hour by default, with the platform's other reminders. */
    @Scheduled(cron = "${opennrm.reminders.cron:0 */15 * * * *}")
    void scheduled() {
        int reminded = remind(LocalDate.now(clock));
        if (reminded > 0) {
            log.info("Agency figure reminders sent: {}", reminded);
        }
    }

    /**
     * Reminds the agencies whose figures are due within the window or overdue by {@code today} and that have sent
     * nothing for the year; returns how many reminders were new. The unique reminder row is taken in the same
     * statement that finds it, so two runs at once remind once.
     */
    @Transactional
    int remind(LocalDate today) {
        var now = Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        record New(UUID id, String agency, int year, LocalDate dueOn, boolean overdue) {}
        var added = jdbc.sql("""
                        insert into monitoring.return_agency_reminder (id, agency, period_year, due_on, kind, reminded_at)
                        select gen_random_uuid(), d.agency, d.period_year, d.due_on,
                            case when d.due_on < :today then 'OVERDUE' else 'DUE_SOON' end, :now
                        from monitoring.return_agency_deadline d
                        where d.due_on <= :until
                          and not exists (select 1 from monitoring.return_agency_report r
                                          where r.agency = d.agency and r.period_year = d.period_year
                                            and r.period_quarter is null)
                        on conflict on constraint return_agency_reminder_once do nothing
                        returning id, agency, period_year, due_on, kind""")
                .param("today", today)
                .param("until", today.plusDays(reminderDays))
                .param("now", now)
                .query((rs, n) -> new New(
                        rs.getObject("id", UUID.class),
                        rs.getString("agency"),
                        rs.getInt("period_year"),
                        rs.getObject("due_on", LocalDate.class),
                        "OVERDUE".equals(rs.getString("kind"))))
                .list();
        for (var reminder : added) {
            events.publishEvent(
                    new AgencyFiguresDue(reminder.id(), reminder.agency(), reminder.year(), reminder.overdue()));
        }
        return added.size();
    }
}
