package org.opennrm.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.SharingScope;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.justice.Cooperation;
import org.opennrm.cases.justice.CriminalJusticeTrackForm;
import org.opennrm.cases.justice.CriminalJusticeTracks;
import org.opennrm.cases.justice.ProceedingsStatus;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.referrals.ServiceReferralRequest;
import org.opennrm.referrals.ServiceReferrals;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Assistance in journeys that cross modules, so they run in the whole application: each test starts from a case
 * referred in {@code cases} and a plan opened, and goes through another module too - the criminal-justice track
 * ({@code cases/justice}), a referral to a shelter accepted in {@code referrals}, reminders delivered as
 * {@code notifications}, a case closed and reopened in {@code cases}. Assistance's own rules, with stand-ins for
 * all of these, are {@link AssistanceModuleTests}'.
 */
@PlatformTest
class AssistanceTests {

    @Autowired
    Assistance assistance;

    @Autowired
    CaseManagement cases;

    @Autowired
    ServiceReferrals referrals;

    @Autowired
    CriminalJusticeTracks tracks;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    Clock clock;

    @Autowired
    PermitExpiryReminders permitReminders;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    UUID inspectorate;
    UUID office;
    UUID shelter;
    LocalDate today;

    @BeforeEach
    void demoOrganisations() {
        inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        shelter = organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        today = LocalDate.now(clock);
    }

    CaseId caseWithOpenPlan() {
        var caseId = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)))
                .caseId();
        asCaseManager(() -> assistance.openPlan(caseId));
        return caseId;
    }

    <T> T asCaseManager(java.util.function.Supplier<T> work) {
        return SignedIn.as(Role.CASE_MANAGER, office, work);
    }

    void asCaseManager(Runnable work) {
        SignedIn.run(Role.CASE_MANAGER, office, work);
    }

    void referToShelterAndAccept(CaseId caseId) {
        var sent = asCaseManager(() -> referrals.send(
                caseId,
                new ServiceReferralRequest(
                        shelter, "Safe accommodation", Set.of(SharingScope.IDENTITY_BASIC), null, null, null)));
        SignedIn.as(Role.SERVICE_PROVIDER, shelter, () -> referrals.accept(sent.id()));
    }

    ServiceForm service(String type, LocalDate from, LocalDate to, LocalDate expires) {
        return new ServiceForm(type, from, to, "Done", expires);
    }

    @Test
    void assistanceGoesOnWithCooperationRecordedAsNo() {
        var caseId = caseWithOpenPlan();
        asCaseManager(() -> tracks.record(
                caseId, new CriminalJusticeTrackForm(null, ProceedingsStatus.NO_PROCEEDINGS, null, Cooperation.NO)));
        asCaseManager(() -> assistance.assess(caseId, new NeedForm(NeedArea.HOUSING, NeedLevel.URGENT, "No place")));
        asCaseManager(() -> assistance.addToPlan(caseId, new PlanItemForm(PlanItemKind.GOAL, "Safe housing")));
        asCaseManager(() -> assistance.recordService(caseId, service("MEDICAL_CARE", today, today, null)));
        referToShelterAndAccept(caseId);
        SignedIn.as(
                Role.SERVICE_PROVIDER,
                shelter,
                () -> assistance.recordService(caseId, service("EMERGENCY_ACCOMMODATION", today, null, null)));
        asCaseManager(() -> assistance.recordNonPunishment(
                caseId, new NonPunishmentForm("Use of a false identity document", true, null)));

        var file = asCaseManager(() -> assistance.read(caseId));
        assertThat(asCaseManager(() -> tracks.read(caseId)).orElseThrow().cooperation())
                .isEqualTo(Cooperation.NO);
        assertThat(file.services())
                .extracting(DeliveredService::type)
                .containsExactly(ServiceType.MEDICAL_CARE, ServiceType.EMERGENCY_ACCOMMODATION);
        assertThat(file.services().get(1).providerOrganisationId()).isEqualTo(shelter);
        assertThat(file.needs()).singleElement().extracting(Need::level).isEqualTo(NeedLevel.URGENT);
        assertThat(file.plan().items())
                .singleElement()
                .extracting(PlanItem::text)
                .isEqualTo("Safe housing");
        assertThat(file.nonPunishment())
                .singleElement()
                .extracting(NonPunishment::directResultOfTrafficking)
                .isEqualTo(true);
    }

    @Test
    void serviceProviderSeesNoNonPunishmentNorNeeds() {
        var caseId = caseWithOpenPlan();
        asCaseManager(() -> assistance.assess(caseId, new NeedForm(NeedArea.HEALTH, NeedLevel.HIGH, "Injury")));
        referToShelterAndAccept(caseId);
        var seen = SignedIn.as(Role.SERVICE_PROVIDER, shelter, () -> assistance.read(caseId));
        assertThat(seen.nonPunishment()).isNull();
        assertThat(seen.needs()).isEmpty();
        assertThat(seen.mayPlan()).isFalse();
    }

    @Test
    void serviceProviderWithoutAnAcceptedReferralRecordsNothing() {
        var caseId = caseWithOpenPlan();
        assertThatThrownBy(() -> SignedIn.as(
                        Role.SERVICE_PROVIDER,
                        shelter,
                        () -> assistance.recordService(caseId, service("MEDICAL_CARE", today, null, null))))
                .isInstanceOf(RecordNotFound.class);
        assertThat(asCaseManager(() -> assistance.read(caseId)).services()).isEmpty();
    }

    @Test
    void aPermitEnteringItsWindowIsAnnouncedAndItsCaseManagersAreToldOnceWhateverTheAnnouncements() {
        var caseId = caseWithOpenPlan();
        asCaseManager(() -> assistance.recordService(
                caseId, service("TEMPORARY_RESIDENCE_PERMIT", today, null, today.plusDays(90))));
        var link = "/assistance/cases/" + caseId;

        // 90 days ahead: outside the 60-day window
        permitReminders.announce(today);
        org.opennrm.EventsDelivered.await(jdbc);
        assertThat(permitNoticesOf(link)).isZero();

        // inside the window, announced on two days (and by two nodes): told once
        permitReminders.announce(today.plusDays(31));
        permitReminders.announce(today.plusDays(31));
        permitReminders.announce(today.plusDays(32));
        org.opennrm.EventsDelivered.await(jdbc);
        assertThat(permitNoticesOf(link)).isEqualTo(caseManagers()).isPositive();
    }

    private long permitNoticesOf(String link) {
        return jdbc.sql("select count(*) from notifications.notification where kind = 'PERMIT_EXPIRING' and link = :l")
                .param("l", link)
                .query(Long.class)
                .single();
    }

    private long caseManagers() {
        return jdbc.sql("select count(*) from access.account where enabled and 'CASE_MANAGER' = any(roles)")
                .query(Long.class)
                .single();
    }

    @Test
    void caseClosesWithADurableSolutionAndFeedbackAndReopensWithAReason() {
        var caseId = caseWithOpenPlan();
        assertRefused(
                () -> assistance.close(caseId, new ClosureForm(null, "Settled", null, null, null, null, null, null)),
                "assist.solutionMissing");
        assertRefused(
                () -> assistance.close(
                        caseId,
                        new ClosureForm(
                                DurableSolution.INTEGRATION_IN_COUNTRY,
                                "Settled",
                                "tr", // Turkish: not among the languages the platform ships
                                FeedbackAnswer.YES,
                                null,
                                null,
                                null,
                                null)),
                "assist.feedbackLanguage");
        asCaseManager(() -> assistance.close(
                caseId,
                new ClosureForm(
                        DurableSolution.INTEGRATION_IN_COUNTRY,
                        "Found work and housing",
                        "fr",
                        FeedbackAnswer.YES,
                        FeedbackAnswer.PARTLY,
                        FeedbackAnswer.NO_ANSWER,
                        FeedbackAnswer.YES,
                        null)));
        assertThat(cases.summary(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        var file = asCaseManager(() -> assistance.read(caseId));
        assertThat(file.plan().open()).isFalse();
        assertThat(file.closures()).singleElement().satisfies(closure -> {
            assertThat(closure.solution()).isEqualTo(DurableSolution.INTEGRATION_IN_COUNTRY);
            assertThat(closure.feedbackLanguage()).isEqualTo("fr");
            assertThat(closure.feedback())
                    .containsEntry(FeedbackQuestion.FELT_SAFE, FeedbackAnswer.YES)
                    .containsEntry(FeedbackQuestion.FELT_RESPECTED, FeedbackAnswer.PARTLY)
                    .doesNotContainKey(FeedbackQuestion.UNDERSTOOD_RIGHTS)
                    .hasSize(3);
        });
        assertRefused(
                () -> assistance.recordService(caseId, service("MEDICAL_CARE", today, null, null)),
                "assist.caseClosed");
        assertThatThrownBy(() -> asCaseManager(() -> assistance.reopen(caseId, " ")))
                .isInstanceOf(RuleViolation.class);
        asCaseManager(() -> assistance.reopen(caseId, "New threat from the recruiters"));
        assertThat(cases.summary(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        asCaseManager(() -> assistance.openPlan(caseId));
        asCaseManager(() -> assistance.recordService(caseId, service("FAMILY_SAFETY_MEASURES", today, null, null)));
        assertThat(asCaseManager(() -> assistance.read(caseId)).services()).hasSize(1);
    }

    private void assertRefused(Runnable action, String key) {
        assertThatThrownBy(() -> asCaseManager(action))
                .isInstanceOfSatisfying(AssistanceRuleViolation.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo(key));
    }
}
