package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.EventsDelivered;
import org.opennrm.PlatformTest;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When agencies' figures are due: the statistics office sets the date (never before the year has ended), an agency
 * that has sent nothing is reminded once before the date and once after it (also when first seen after it), its
 * reporters are told on the platform, and figures sent end the reminders.
 */
@PlatformTest
@DatabaseOfItsOwn
class AgencyDeadlinesTests {

    /* a year for each test, in this class's own database: deadlines and reminders are kept per year */
    static final AtomicInteger NEXT_YEAR = new AtomicInteger(2001);

    @Autowired
    AgencyDeadlines deadlines;

    @Autowired
    AgencyReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    final Actor statistician = TestSignIn.actor(Role.STATISTICIAN, UUID.randomUUID());
    final Actor reporter = TestSignIn.actor(Role.AGENCY_REPORTER, UUID.randomUUID());
    int year;

    @BeforeEach
    void aYearOfItsOwn() {
        year = NEXT_YEAR.getAndIncrement();
    }

    void set(Agency agency, LocalDate dueOn) {
        SignedIn.as(statistician, () -> {
            deadlines.set(agency, year, dueOn);
            return null;
        });
    }

    List<String> reminders(Agency agency) {
        return jdbc.sql("""
                        select kind from monitoring.return_agency_reminder where agency = ? and period_year = ?
                        order by reminded_at, kind""").params(agency.name(), year).query(String.class).list();
    }

    AgencyDeadlines.State state(Agency agency) {
        return SignedIn.as(statistician, () -> deadlines.forYear(year)).stream()
                .filter(deadline -> deadline.agency() == agency)
                .findFirst()
                .orElseThrow()
                .state();
    }

    @Test
    void aDateBeforeTheYearHasEndedIsRefused() {
        assertThatThrownBy(() -> set(Agency.POLICE, LocalDate.of(year, 12, 31)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("only after the year");
        assertThatThrownBy(() -> set(Agency.POLICE, null)).isInstanceOf(RuleViolation.class);
        assertThat(state(Agency.POLICE)).isEqualTo(AgencyDeadlines.State.NO_DEADLINE);
    }

    @Test
    void anAgencyIsRemindedOnceBeforeTheDateAndOnceAfterItAndItsReportersAreTold() {
        var dueOn = LocalDate.of(year + 1, 3, 31);
        set(Agency.POLICE, dueOn);

        deadlines.remind(dueOn.minusDays(30));
        assertThat(reminders(Agency.POLICE)).isEmpty();

        deadlines.remind(dueOn.minusDays(10));
        deadlines.remind(dueOn.minusDays(9));
        assertThat(reminders(Agency.POLICE)).containsExactly("DUE_SOON");

        deadlines.remind(dueOn.plusDays(1));
        deadlines.remind(dueOn.plusDays(20));
        assertThat(reminders(Agency.POLICE)).containsExactly("DUE_SOON", "OVERDUE");

        EventsDelivered.await(jdbc);
        var told = jdbc.sql("""
                        select n.kind from notifications.notification n join access.account a on a.id = n.account_id
                        where a.username = 'court' and n.link = :link order by n.kind""")
                .param("link", "/returns/agencies?year=" + year)
                .query(String.class)
                .list();
        assertThat(told).containsExactly("AGENCY_FIGURES_DUE", "AGENCY_FIGURES_OVERDUE");
    }

    @Test
    void aDateAlreadyPastWhenFirstSeenIsRemindedAsOverdue() {
        var dueOn = LocalDate.of(year + 1, 1, 31);
        set(Agency.COURTS, dueOn);

        deadlines.remind(dueOn.plusMonths(2));

        assertThat(reminders(Agency.COURTS)).containsExactly("OVERDUE");
    }

    @Test
    void figuresSentEndTheReminders() {
        var dueOn = LocalDate.of(year + 1, 3, 31);
        set(Agency.PROSECUTION, dueOn);
        SignedIn.as(
                reporter,
                () -> reports.submit(
                        Agency.PROSECUTION,
                        year,
                        new StringReader("measure,sex,age_group,form,count\nPERSONS_PROSECUTED,ALL,ALL,ALL,12\n"),
                        null));

        deadlines.remind(dueOn.plusDays(5));

        assertThat(reminders(Agency.PROSECUTION)).isEmpty();
        assertThat(state(Agency.PROSECUTION)).isEqualTo(AgencyDeadlines.State.SENT);
    }

    @Test
    void theStatisticsOfficeSetsTheDateOnThePageAndAWrongDateIsExplainedAtTheForm() throws Exception {
        mvc.perform(post("/returns/agencies/deadlines")
                        .with(as(Role.STATISTICIAN, UUID.randomUUID()))
                        .with(csrf())
                        .param("agency", "FIU")
                        .param("year", String.valueOf(year))
                        .param("dueOn", year + "-06-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"deadline-problem\"")))
                .andExpect(content().string(containsString("only after the year")));
        // in the statistician's language, the years written as years
        mvc.perform(post("/returns/agencies/deadlines")
                        .with(as(Role.STATISTICIAN, UUID.randomUUID()))
                        .with(csrf())
                        .header("Accept-Language", "de")
                        .param("agency", "FIU")
                        .param("year", String.valueOf(year))
                        .param("dueOn", year + "-06-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString("Zahlen für " + year
                                + " können erst nach Ablauf des Jahres vollständig sein: Wählen Sie ein Datum in "
                                + (year + 1)
                                + " oder später.")));

        mvc.perform(post("/returns/agencies/deadlines")
                        .with(as(Role.STATISTICIAN, UUID.randomUUID()))
                        .with(csrf())
                        .param("agency", "FIU")
                        .param("year", String.valueOf(year))
                        .param("dueOn", (year + 1) + "-04-30"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/returns/agencies")
                        .with(as(Role.AGENCY_REPORTER, UUID.randomUUID()))
                        .param("year", String.valueOf(year)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"deadline-FIU\"")))
                .andExpect(content().string(containsString("30 April " + (year + 1))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"deadline-form\""))));

        mvc.perform(put("/api/v1/returns/agencies/deadlines")
                        .with(as(Role.STATISTICIAN, UUID.randomUUID()))
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"agency\":\"POLICE\",\"year\":" + year + ",\"dueOn\":\"" + year + "-02-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("only after the year")));
        mvc.perform(put("/api/v1/returns/agencies/deadlines")
                        .with(as(Role.STATISTICIAN, UUID.randomUUID()))
                        .with(csrf())
                        .contentType("application/json")
                        .content(
                                "{\"agency\":\"POLICE\",\"year\":" + year + ",\"dueOn\":\"" + (year + 1) + "-02-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].agency").value("POLICE"))
                .andExpect(jsonPath("$[0].dueOn").value((year + 1) + "-02-01"));
        mvc.perform(get("/api/v1/returns/agencies/deadlines")
                        .with(as(Role.AGENCY_REPORTER, UUID.randomUUID()))
                        .param("year", String.valueOf(year)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[4].agency").value("FIU"))
                .andExpect(jsonPath("$[4].state").value(org.hamcrest.Matchers.oneOf("DUE", "DUE_SOON", "OVERDUE")));

        mvc.perform(post("/returns/agencies/deadlines")
                        .with(as(Role.AGENCY_REPORTER, UUID.randomUUID()))
                        .with(csrf())
                        .param("agency", "FIU")
                        .param("year", String.valueOf(year))
                        .param("dueOn", (year + 1) + "-01-01"))
                .andExpect(status().isForbidden());
    }
}
