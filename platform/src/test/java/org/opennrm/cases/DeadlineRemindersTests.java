package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.EventsDelivered;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders ahead of a decision's deadline, driven with the days of the jurisdiction's calendar: a deadline is
 * reminded once it is within the reminder window and not before, once only (also when the job runs again or on two
 * nodes at the same moment), through the notifications module to the NRM's staff; a past deadline is not reminded.
 */
@PlatformTest
class DeadlineRemindersTests {

    @Autowired
    DeadlineReminders reminders;

    @Autowired
    CaseManagement cases;

    @Autowired
    DeadlineClock deadlines;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    CaseId caseId;
    LocalDate dueOn;

    @BeforeEach
    void aCaseAwaitingItsPreliminaryDecision() {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        caseId = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)))
                .caseId();
        dueOn = jdbc.sql("select next_due_on from cases.case_file where id = :id")
                .param("id", caseId.value())
                .query(LocalDate.class)
                .single();
    }

    @Test
    void aDeadlineIsRemindedOnceWhenItEntersTheWindowAndTheNrmStaffAreTold() throws Exception {
        int window = cases.settings().reminderWorkingDays();
        // the working day before the window opens: nothing yet
        var before = lastDayWith(window + 1);
        reminders.remind(before);
        assertThat(remindersOfCase()).isZero();

        var inWindow = lastDayWith(window);
        // the job on two nodes at the same moment, then again after a restart: one reminder
        try (var nodes = Executors.newFixedThreadPool(2)) {
            Callable<Integer> run = () -> reminders.remind(inWindow);
            var first = nodes.submit(run);
            var second = nodes.submit(run);
            first.get();
            second.get();
        }
        reminders.remind(inWindow);
        reminders.remind(dueOn);
        assertThat(remindersOfCase()).isOne();

        EventsDelivered.await(jdbc);
        var told = jdbc.sql("""
                        select a.username from notifications.notification n join access.account a on a.id = n.account_id
                        where n.kind = 'PRELIMINARY_DECISION_DUE' and n.link = :link order by a.username""")
                .param("link", "/cases/" + caseId)
                .query(String.class)
                .list();
        assertThat(told).containsExactly("casemanager", "identification");
    }

    @Test
    void aDeadlineAlreadyPastIsNotReminded() {
        reminders.remind(dueOn.plusDays(1));
        assertThat(remindersOfCase()).isZero();
    }

    /** The day from which the deadline is this many working days ahead. */
    private LocalDate lastDayWith(int workingDaysAhead) {
        var day = dueOn;
        while (deadlines.workingDaysBetween(day, dueOn) < workingDaysAhead) {
            day = day.minusDays(1);
        }
        return day;
    }

    private long remindersOfCase() {
        return jdbc.sql("select count(*) from cases.deadline_reminder where case_id = :id")
                .param("id", caseId.value())
                .query(Long.class)
                .single();
    }
}
