package org.opennrm.monitoring.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.EventsDelivered;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lead organisation of a measure is reminded once when its quarterly status report falls due (counted from its
 * start while it has no report) and once when the measure is overdue; the co-ordinators hear of the overdue measure
 * too; a measure done is reminded no more.
 */
@PlatformTest
class MeasureRemindersTests {

    @Autowired
    ActionPlans plans;

    @Autowired
    MeasureReminders reminders;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLeadIsRemindedOfTheQuarterlyReportAndOfTheOverdueMeasureOnceEach() {
        var office = PlanFixtures.organisation(registry, "National Co-ordinator's Office");
        var inspectorate = PlanFixtures.organisation(registry, "State Labour Inspectorate");
        // starts 2026-03-01, due 2026-11-30, no report yet: the first report is due 90 days after the start
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, false);
        var reportDue = LocalDate.of(2026, 3, 1).plusDays(90);

        reminders.remind(reportDue.minusDays(1));
        assertThat(kinds(measure.id())).isEmpty();
        reminders.remind(reportDue);
        reminders.remind(reportDue.plusDays(10));
        assertThat(kinds(measure.id())).containsExactly("REPORT_DUE " + reportDue);

        reminders.remind(LocalDate.of(2026, 12, 1));
        reminders.remind(LocalDate.of(2026, 12, 2));
        assertThat(kinds(measure.id())).containsExactly("OVERDUE 2026-11-30", "REPORT_DUE " + reportDue);

        SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> plans.report(
                        measure.id(),
                        new StatusUpdate(
                                MeasureStatus.DONE,
                                "All inspectors trained.",
                                plans.measure(measure.id()).measure().version())));
        reminders.remind(LocalDate.of(2027, 6, 1));
        assertThat(kinds(measure.id())).hasSize(2);

        EventsDelivered.await(jdbc);
        String link = "/plans/measures/" + measure.id();
        assertThat(told("inspector", link)).containsExactly("MEASURE_OVERDUE", "MEASURE_REPORT_DUE");
        assertThat(told("coordinator", link)).containsExactly("MEASURE_OVERDUE");
        assertThat(told("shelter", link)).isEmpty();
    }

    private List<String> kinds(UUID measureId) {
        return jdbc.sql("""
                        select kind || ' ' || due_on from monitoring.plan_measure_reminder where measure_id = :id
                        order by kind, due_on""").param("id", measureId).query(String.class).list();
    }

    private List<String> told(String username, String link) {
        return jdbc.sql("""
                        select n.kind from notifications.notification n join access.account a on a.id = n.account_id
                        where a.username = :username and n.link = :link order by n.kind""")
                .param("username", username)
                .param("link", link)
                .query(String.class)
                .list();
    }
}
