package org.opennrm.monitoring.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The recommendations register: the rapporteur registers and links, the co-ordinator responds (a stale response is
 * refused), a lead organisation only reads, and the evaluator's view holds exactly the reports made since its date.
 */
@PlatformTest
class RecommendationsTests {

    @Autowired
    Recommendations recommendations;

    @Autowired
    ActionPlans plans;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    UUID office;
    UUID inspectorate;
    UUID rapporteur;

    @BeforeEach
    void organisations() {
        office = PlanFixtures.organisation(registry, "National Co-ordinator's Office");
        inspectorate = PlanFixtures.organisation(registry, "State Labour Inspectorate");
        rapporteur = PlanFixtures.organisation(registry, "Office of the National Rapporteur");
    }

    @Test
    void theEvaluatorsViewHoldsTheReportsOnLinkedMeasuresSinceItsDate() {
        var measure = PlanFixtures.planWithMeasure(plans, office, inspectorate, true);
        var changed = SignedIn.as(
                Role.REFERRER,
                inspectorate,
                () -> plans.report(
                        measure.id(), new StatusUpdate(MeasureStatus.ON_TRACK, "Old report", measure.version())));
        SignedIn.run(
                Role.REFERRER,
                inspectorate,
                () -> plans.report(
                        measure.id(), new StatusUpdate(MeasureStatus.DONE, "New report", changed.version())));
        // the first report was made three years ago
        jdbc.sql("update monitoring.plan_status_change set changed_at = now() - interval '3 years'"
                        + " where measure_id = :id and evidence = 'Old report'")
                .param("id", measure.id())
                .update();
        String reference = "GRETA(2023)12, paragraph " + UUID.randomUUID();
        var recommendation = SignedIn.as(Role.STATISTICIAN, rapporteur, () -> {
            var registered = recommendations.register(new RecommendationDetails(
                    RecommendationSource.GRETA,
                    reference,
                    LocalDate.of(2023, 6, 1),
                    "Train labour inspectors to detect forced labour."));
            recommendations.link(registered.id(), measure.id());
            recommendations.link(registered.id(), measure.id()); // a second link changes nothing
            return registered;
        });
        var view = SignedIn.as(
                Role.SERVICE_PROVIDER,
                PlanFixtures.organisation(registry, "Safe Harbour Shelter"),
                () -> recommendations.since(LocalDate.now().minusYears(1), RecommendationSource.GRETA));
        var entry = view.stream()
                .filter(record -> record.recommendation().id().equals(recommendation.id()))
                .findFirst()
                .orElseThrow();
        assertThat(entry.answers()).hasSize(1);
        assertThat(entry.answers().getFirst().reports())
                .extracting(StatusChange::evidence)
                .containsExactly("New report");
        var all = SignedIn.as(Role.COORDINATOR, office, () -> recommendations.find(recommendation.id()));
        assertThat(all.answers().getFirst().reports())
                .extracting(StatusChange::evidence)
                .containsExactly("New report", "Old report");
        var otherSources = SignedIn.as(
                Role.COORDINATOR, office, () -> recommendations.since(LocalDate.now(), RecommendationSource.UPR));
        assertThat(otherSources)
                .noneMatch(record -> record.recommendation().id().equals(recommendation.id()));
    }

    @Test
    void theCoordinatorRespondsOnTheVersionReadAndALeadOrganisationNeitherRegistersNorResponds() {
        var recommendation = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> recommendations.register(new RecommendationDetails(
                        RecommendationSource.TIP_REPORT,
                        "TIP 2025, prioritized recommendation 3",
                        LocalDate.of(2025, 6, 24),
                        "Increase funding for specialised shelters.")));
        SignedIn.run(Role.COORDINATOR, office, () -> {
            var responded = recommendations.respond(
                    recommendation.id(), 0, "Funding raised by a third.", Implementation.PARTIALLY_IMPLEMENTED);
            assertThat(responded.implementation()).isEqualTo(Implementation.PARTIALLY_IMPLEMENTED);
            assertThatThrownBy(() -> recommendations.respond(
                            recommendation.id(), 0, "Made on the old version", Implementation.IMPLEMENTED))
                    .isInstanceOf(OptimisticLockingFailureException.class);
            assertThat(recommendations
                            .find(recommendation.id())
                            .recommendation()
                            .governmentResponse())
                    .isEqualTo("Funding raised by a third.");
            assertThatThrownBy(() -> recommendations.register(new RecommendationDetails(
                            RecommendationSource.EU,
                            "Tomorrow's",
                            LocalDate.now().plusDays(2),
                            "Text")))
                    .isInstanceOf(DatesOutOfOrder.class);
        });
        SignedIn.run(Role.REFERRER, inspectorate, () -> {
            assertThatThrownBy(() -> recommendations.register(
                            new RecommendationDetails(RecommendationSource.EU, "x", LocalDate.of(2024, 1, 1), "Text")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> recommendations.respond(recommendation.id(), 1, "x", Implementation.IMPLEMENTED))
                    .isInstanceOf(AccessDeniedException.class);
        });
        SignedIn.run(Role.STATISTICIAN, rapporteur, () -> assertThatThrownBy(
                        () -> recommendations.respond(recommendation.id(), 1, "x", Implementation.IMPLEMENTED))
                .isInstanceOf(AccessDeniedException.class));
    }
}
