package org.opennrm.monitoring.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Changing a measure after it was added: the co-ordinator only, on the version read (a stale change is refused and
 * the page keeps what was typed beside the current state), its status, history and activities kept, and an activity
 * left outside the new period refused at the date that leaves it out.
 */
@PlatformTest
class MeasureChangesTests {

    @Autowired
    ActionPlans plans;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    MockMvc mvc;

    UUID office;
    UUID inspectorate;
    UUID shelter;

    @BeforeEach
    void organisations() {
        office = PlanFixtures.organisation(registry, "National Co-ordinator's Office");
        inspectorate = PlanFixtures.organisation(registry, "State Labour Inspectorate");
        shelter = PlanFixtures.organisation(registry, "Safe Harbour Shelter");
    }

    @Test
    void theCoordinatorChangesAMeasureOnTheVersionReadAndItsHistoryStays() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        SignedIn.run(Role.REFERRER, inspectorate, () -> {
            plans.report(
                    measure.id(), new StatusUpdate(MeasureStatus.ON_TRACK, "First training held.", measure.version()));
            plans.addActivity(measure.id(), "Second training", LocalDate.of(2026, 10, 1));
        });
        var read = SignedIn.as(
                Role.COORDINATOR, office, () -> plans.measure(measure.id()).measure());

        var changed = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> plans.changeMeasure(
                        measure.id(),
                        read.version(),
                        new MeasureDetails(
                                read.objectiveId(),
                                "Train all labour inspectors",
                                shelter,
                                List.of(inspectorate),
                                LocalDate.of(2026, 2, 1),
                                LocalDate.of(2027, 3, 31))));
        assertThat(changed.title()).isEqualTo("Train all labour inspectors");
        assertThat(changed.leadOrganisation()).isEqualTo(shelter);
        assertThat(changed.partners()).containsExactly(inspectorate);
        assertThat(changed.dueOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(changed.version()).isEqualTo(read.version() + 1);
        assertThat(changed.status()).isEqualTo(MeasureStatus.ON_TRACK);
        var record = SignedIn.as(Role.COORDINATOR, office, () -> plans.measure(measure.id()));
        assertThat(record.history()).hasSize(1);
        assertThat(record.activities()).hasSize(1);

        SignedIn.run(Role.COORDINATOR, office, () -> {
            // on the version read before the change: refused, nothing overwritten
            assertThatThrownBy(() -> plans.changeMeasure(
                            measure.id(),
                            read.version(),
                            new MeasureDetails(
                                    read.objectiveId(),
                                    "Stale title",
                                    inspectorate,
                                    List.of(),
                                    read.startsOn(),
                                    read.dueOn())))
                    .isInstanceOf(OptimisticLockingFailureException.class);
            // the activity due 2026-10-01 would fall after a due date of 2026-09-30
            assertThatThrownBy(() -> plans.changeMeasure(
                            measure.id(),
                            changed.version(),
                            new MeasureDetails(
                                    read.objectiveId(),
                                    "Train all labour inspectors",
                                    shelter,
                                    List.of(),
                                    LocalDate.of(2026, 2, 1),
                                    LocalDate.of(2026, 9, 30))))
                    .isInstanceOfSatisfying(
                            DatesOutOfOrder.class, e -> assertThat(e.field()).isEqualTo("dueOn"));
        });
        assertThat(SignedIn.as(Role.COORDINATOR, office, () -> plans.measure(measure.id()))
                        .measure()
                        .title())
                .isEqualTo("Train all labour inspectors");
        // a lead organisation reports on its measure but does not change it
        SignedIn.run(Role.SERVICE_PROVIDER, shelter, () -> assertThatThrownBy(() -> plans.changeMeasure(
                        measure.id(),
                        changed.version(),
                        new MeasureDetails(
                                read.objectiveId(), "Ours now", shelter, List.of(), read.startsOn(), read.dueOn())))
                .isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void aStaleChangeOnThePageShowsTheCurrentMeasureAndKeepsWhatWasTyped() throws Exception {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        mvc.perform(post("/plans/measures/" + measure.id() + "/edit")
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf())
                        .param("objectiveId", measure.objectiveId().toString())
                        .param("title", "Renamed once")
                        .param("leadOrganisation", inspectorate.toString())
                        .param("startsOn", "2026-03-01")
                        .param("dueOn", "2026-11-30")
                        .param("version", String.valueOf(measure.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/plans/measures/" + measure.id()));
        mvc.perform(post("/plans/measures/" + measure.id() + "/edit")
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf())
                        .param("objectiveId", measure.objectiveId().toString())
                        .param("title", "Renamed on a stale page")
                        .param("leadOrganisation", inspectorate.toString())
                        .param("startsOn", "2026-03-01")
                        .param("dueOn", "2026-11-30")
                        .param("version", String.valueOf(measure.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"conflict\"")))
                .andExpect(content().string(containsString("<dd>Renamed once</dd>")))
                .andExpect(content().string(containsString("value=\"Renamed on a stale page\"")))
                .andExpect(content().string(containsString("value=\"" + (measure.version() + 1) + "\"")));
        mvc.perform(post("/plans/measures/" + measure.id() + "/edit")
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf())
                        .param("objectiveId", measure.objectiveId().toString())
                        .param("title", "Backwards")
                        .param("leadOrganisation", inspectorate.toString())
                        .param("startsOn", "2026-05-01")
                        .param("dueOn", "2026-04-01")
                        .param("version", String.valueOf(measure.version() + 1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dueOn-error\"")));
    }
}
