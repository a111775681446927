package org.opennrm.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.RecordNotFound;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.IdentityProtection;
import org.opennrm.access.Role;
import org.opennrm.assistance.events.DurableSolutionReached;
import org.opennrm.assistance.events.NonPunishmentRecorded;
import org.opennrm.assistance.events.ServiceDelivered;
import org.opennrm.assistance.events.ServiceResultRecorded;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseSummaryLine;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.Stage;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.referrals.ServiceReferrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The assistance module on its own, with a database of its own: the case, the referrals to services, the audit
 * trail and the encryption of texts are stand-ins, so each rule of assistance is seen alone. Help never depends on
 * anything but an open case and an open plan; a service provider records services only for cases referred to it;
 * every refusal leaves nothing stored; what is recorded is announced as coded events.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class AssistanceModuleTests {

    /** The texts a person answers (the feedback questions, their languages) as the platform ships them. */
    @org.springframework.boot.test.context.TestConfiguration
    static class ShippedSurvivorTexts {
        @org.springframework.context.annotation.Bean
        org.opennrm.cases.SurvivorTexts survivorTexts() throws java.io.IOException {
            return new org.opennrm.cases.SurvivorTexts("");
        }
    }

    static final UUID SHELTER = UUID.randomUUID();
    static final UUID NRM_OFFICE = UUID.randomUUID();

    @MockitoBean
    CaseManagement cases;

    @MockitoBean
    ServiceReferrals referrals;

    @MockitoBean
    AuditTrail audit;

    @MockitoBean
    IdentityProtection protection;

    /** Only the pages use it, to name the service provider. */
    @MockitoBean
    OrganisationRegistry organisations;

    @Autowired
    Assistance assistance;

    @Autowired
    java.time.Clock clock;

    @Autowired
    JdbcClient jdbc;

    CaseId caseId;

    @BeforeEach
    void anOpenCase() {
        caseId = CaseId.of(UUID.randomUUID());
        when(cases.summary(caseId))
                .thenReturn(Optional.of(
                        new CaseSummaryLine(caseId, "2026-000123", CaseStatus.OPEN, Stage.RECOVERY_PERIOD, 3)));
        // a reversible stand-in for the cipher: stored texts must have gone through it
        when(protection.encrypt(anyString(), anyString())).thenAnswer(call -> "sealed:" + call.getArgument(0));
        when(protection.decrypt(anyString(), anyString()))
                .thenAnswer(call -> call.<String>getArgument(0).substring("sealed:".length()));
    }

    @Test
    void aServiceIsRecordedAgainstTheOpenPlanWithItsTextSealedAndAnnouncedAsCodes(PublishedEvents events) {
        SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.openPlan(caseId));
        var service = SignedIn.as(
                Role.CASE_MANAGER,
                NRM_OFFICE,
                () -> assistance.recordService(
                        caseId,
                        new ServiceForm(
                                "EMERGENCY_ACCOMMODATION",
                                LocalDate.of(2026, 3, 2),
                                null,
                                "Room at the shelter",
                                null)));

        assertThat(jdbc.sql("select outcome from assistance.service where id = :id")
                        .param("id", service.id())
                        .query(String.class)
                        .single())
                .isEqualTo("sealed:Room at the shelter");
        assertThat(events.ofType(ServiceDelivered.class))
                .containsExactly(
                        new ServiceDelivered(caseId, ServiceType.EMERGENCY_ACCOMMODATION, YearMonth.of(2026, 3)));
        verify(audit).record(AuditAction.CREATE, Assistance.RECORD_TYPE, caseId, "plan opened");
        verify(audit).record(AuditAction.CREATE, Assistance.RECORD_TYPE, caseId, "service=EMERGENCY_ACCOMMODATION");
    }

    @Test
    void aServiceWithoutAStartOrEndingBeforeItStartsOrAPermitWithoutExpiryOrOnAClosedPlanIsRefusedAndNothingIsStored() {
        SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.openPlan(caseId));

        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        NRM_OFFICE,
                        () -> assistance.recordService(
                                caseId,
                                new ServiceForm(
                                        "MEDICAL_CARE",
                                        LocalDate.of(2026, 3, 2),
                                        LocalDate.of(2026, 3, 1),
                                        null,
                                        null))))
                .isInstanceOf(AssistanceRuleViolation.class)
                .hasMessageContaining("end before it starts");
        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        NRM_OFFICE,
                        () -> assistance.recordService(
                                caseId,
                                new ServiceForm(
                                        "TEMPORARY_RESIDENCE_PERMIT", LocalDate.of(2026, 3, 2), null, null, null))))
                .isInstanceOf(AssistanceRuleViolation.class)
                .hasMessageContaining("applied for, granted or refused");
        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        NRM_OFFICE,
                        () -> assistance.recordService(
                                caseId,
                                new ServiceForm(
                                        "TEMPORARY_RESIDENCE_PERMIT",
                                        LocalDate.of(2026, 3, 2),
                                        null,
                                        null,
                                        null,
                                        "GRANTED"))))
                .isInstanceOf(AssistanceRuleViolation.class)
                .hasMessageContaining("expiry");
        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        NRM_OFFICE,
                        () -> assistance.recordService(
                                caseId, new ServiceForm("TELEPORTATION", LocalDate.of(2026, 3, 2), null, null, null))))
                .isInstanceOf(AssistanceRuleViolation.class)
                .hasMessageContaining("catalogue");
        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        NRM_OFFICE,
                        () -> assistance.recordService(
                                caseId, new ServiceForm("MEDICAL_CARE", null, null, null, null))))
                .isInstanceOfSatisfying(AssistanceRuleViolation.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("assist.startMissing"));
        // a closed plan takes no service, however good
        SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> {
            assistance.closePlan(caseId);
            return null;
        });
        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        NRM_OFFICE,
                        () -> assistance.recordService(
                                caseId, new ServiceForm("MEDICAL_CARE", LocalDate.of(2026, 3, 2), null, null, null))))
                .isInstanceOfSatisfying(AssistanceRuleViolation.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("assist.planClosed"));

        assertThat(servicesOf(caseId)).isZero();
    }

    @Test
    void aResidencePermitIsRemindedWithinSixtyDaysOfItsExpiryAndOneYearsAwayIsNot() {
        var today = LocalDate.now(clock);
        SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.openPlan(caseId));
        SignedIn.as(
                Role.CASE_MANAGER,
                NRM_OFFICE,
                () -> assistance.recordService(
                        caseId, new ServiceForm("TEMPORARY_RESIDENCE_PERMIT", today, null, null, today.plusDays(30))));
        SignedIn.as(
                Role.CASE_MANAGER,
                NRM_OFFICE,
                () -> assistance.recordService(
                        caseId, new ServiceForm("PERMANENT_RESIDENCE_PERMIT", today, null, null, today.plusYears(5))));

        assertThat(SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.permitReminders()))
                .filteredOn(reminder -> reminder.caseId().equals(caseId))
                .singleElement()
                .satisfies(reminder ->
                        assertThat(reminder.permit().type()).isEqualTo(ServiceType.TEMPORARY_RESIDENCE_PERMIT))
                .satisfies(reminder -> assertThat(reminder.permit().expiresOn()).isEqualTo(today.plusDays(30)));
    }

    @Test
    void aPermitAppliedForIsGrantedLaterAndBothAreAnnouncedAsCodes(PublishedEvents events) {
        SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.openPlan(caseId));
        var permit = SignedIn.as(
                Role.CASE_MANAGER,
                NRM_OFFICE,
                () -> assistance.recordService(
                        caseId,
                        new ServiceForm(
                                "TEMPORARY_RESIDENCE_PERMIT", LocalDate.of(2026, 1, 5), null, null, null, "APPLIED")));
        assertThat(permit.result()).isEqualTo(ServiceResult.APPLIED);
        assertThat(permit.expiresOn()).isNull();

        // a decision needs its result, its date and, for a permit granted, the expiry date: each on its field
        assertThatThrownBy(() -> decide(permit.id(), new ResultForm("AWARDED", LocalDate.of(2026, 2, 1), null)))
                .isInstanceOf(AssistanceRuleViolation.class)
                .extracting(refused -> ((AssistanceRuleViolation) refused).field())
                .isEqualTo("result");
        assertThatThrownBy(() -> decide(permit.id(), new ResultForm("GRANTED", null, LocalDate.of(2027, 2, 1))))
                .isInstanceOf(AssistanceRuleViolation.class)
                .extracting(refused -> ((AssistanceRuleViolation) refused).field())
                .isEqualTo("decidedOn");
        assertThatThrownBy(() -> decide(permit.id(), new ResultForm("GRANTED", LocalDate.of(2026, 2, 1), null)))
                .isInstanceOf(AssistanceRuleViolation.class)
                .extracting(refused -> ((AssistanceRuleViolation) refused).field())
                .isEqualTo("expiresOn");
        assertThat(resultOf(permit.id())).isEqualTo("APPLIED");

        var granted =
                decide(permit.id(), new ResultForm("GRANTED", LocalDate.of(2026, 2, 1), LocalDate.of(2027, 2, 1)));
        assertThat(granted.result()).isEqualTo(ServiceResult.GRANTED);
        assertThat(resultOf(permit.id())).isEqualTo("GRANTED");
        // decided once: a second decision finds nothing pending
        assertThatThrownBy(() -> decide(permit.id(), new ResultForm("REFUSED", LocalDate.of(2026, 2, 2), null)))
                .isInstanceOf(AssistanceRuleViolation.class)
                .hasMessageContaining("waits for a decision");

        assertThat(events.ofType(ServiceDelivered.class))
                .containsExactly(new ServiceDelivered(
                        caseId, ServiceType.TEMPORARY_RESIDENCE_PERMIT, YearMonth.of(2026, 1), ServiceResult.APPLIED));
        assertThat(events.ofType(ServiceResultRecorded.class))
                .containsExactly(new ServiceResultRecorded(
                        caseId, ServiceType.TEMPORARY_RESIDENCE_PERMIT, ServiceResult.GRANTED, YearMonth.of(2026, 2)));
    }

    @Test
    void aReturnSaysWhetherItsRisksWereAssessedAndOtherServicesTakeNoResult() {
        SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.openPlan(caseId));

        assertThatThrownBy(() ->
                        record(new ServiceForm("SAFE_VOLUNTARY_RETURN", LocalDate.of(2026, 3, 2), null, null, null)))
                .isInstanceOf(AssistanceRuleViolation.class)
                .hasMessageContaining("risks of the return");
        assertThatThrownBy(() ->
                        record(new ServiceForm("MEDICAL_CARE", LocalDate.of(2026, 3, 2), null, null, null, "GRANTED")))
                .isInstanceOf(AssistanceRuleViolation.class)
                .extracting(refused -> ((AssistanceRuleViolation) refused).field())
                .isEqualTo("result");
        assertThat(servicesOf(caseId)).isZero();

        var returned = record(new ServiceForm(
                "SAFE_VOLUNTARY_RETURN", LocalDate.of(2026, 3, 2), null, null, null, "SAFETY_ASSESSED"));
        var claim =
                record(new ServiceForm("COMPENSATION_CLAIM_STATE_FUND", LocalDate.of(2026, 3, 2), null, null, null));
        var permit = record(new ServiceForm(
                "PERMANENT_RESIDENCE_PERMIT", LocalDate.of(2026, 3, 2), null, null, LocalDate.of(2031, 3, 2)));

        assertThat(returned.result()).isEqualTo(ServiceResult.SAFETY_ASSESSED);
        assertThat(claim.result()).isEqualTo(ServiceResult.CLAIMED);
        assertThat(permit.result()).isEqualTo(ServiceResult.GRANTED);
        // a return is not decided later
        assertThatThrownBy(() -> decide(returned.id(), new ResultForm("GRANTED", LocalDate.of(2026, 3, 3), null)))
                .isInstanceOf(AssistanceRuleViolation.class)
                .hasMessageContaining("waits for a decision");
    }

    @Test
    void nonPunishmentIsAnnouncedWithoutTheOffence(PublishedEvents events) {
        SignedIn.run(
                Role.CASE_MANAGER,
                NRM_OFFICE,
                () -> assistance.recordNonPunishment(
                        caseId, new NonPunishmentForm("Use of a forged document", true, null)));

        assertThat(events.ofType(NonPunishmentRecorded.class)).singleElement().satisfies(announced -> {
            assertThat(announced.directResultOfTrafficking()).isTrue();
            assertThat(announced.toString()).doesNotContain("forged");
        });
    }

    private DeliveredService record(ServiceForm form) {
        return SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.recordService(caseId, form));
    }

    private DeliveredService decide(UUID serviceId, ResultForm form) {
        return SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.recordResult(caseId, serviceId, form));
    }

    private String resultOf(UUID serviceId) {
        return jdbc.sql("select result from assistance.service where id = :id")
                .param("id", serviceId)
                .query(String.class)
                .single();
    }

    @Test
    void aServiceProviderRecordsOnlyForACaseReferredToIt() {
        SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.openPlan(caseId));
        var form = new ServiceForm("LEGAL_COUNSELLING", LocalDate.of(2026, 4, 1), null, null, null);

        when(referrals.acceptedFor(caseId, SHELTER)).thenReturn(false);
        assertThatThrownBy(
                        () -> SignedIn.as(Role.SERVICE_PROVIDER, SHELTER, () -> assistance.recordService(caseId, form)))
                .isInstanceOf(RecordNotFound.class);
        assertThat(servicesOf(caseId)).isZero();

        when(referrals.acceptedFor(caseId, SHELTER)).thenReturn(true);
        var recorded = SignedIn.as(Role.SERVICE_PROVIDER, SHELTER, () -> assistance.recordService(caseId, form));
        assertThat(recorded.providerOrganisationId()).isEqualTo(SHELTER);
        assertThat(servicesOf(caseId)).isOne();
    }

    @Test
    void aClosedCaseTakesNoAssistanceUntilItIsReopened() {
        when(cases.summary(caseId))
                .thenReturn(Optional.of(
                        new CaseSummaryLine(caseId, "2026-000123", CaseStatus.CLOSED, Stage.FORMAL_DECISION, 5)));

        assertThatThrownBy(() -> SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.openPlan(caseId)))
                .isInstanceOf(AssistanceRuleViolation.class)
                .hasMessageContaining("closed");
        assertThat(jdbc.sql("select count(*) from assistance.plan where case_id = :id")
                        .param("id", caseId.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void closingNeedsADurableSolutionAndAReasonThenClosesThePlanAndTheCase(PublishedEvents events) {
        SignedIn.as(Role.CASE_MANAGER, NRM_OFFICE, () -> assistance.openPlan(caseId));

        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        NRM_OFFICE,
                        () -> assistance.close(
                                caseId, new ClosureForm(null, "Back home safely", null, null, null, null, null, null))))
                .isInstanceOf(AssistanceRuleViolation.class);
        verify(cases, never()).close(any(), any(), any());

        SignedIn.as(
                Role.CASE_MANAGER,
                NRM_OFFICE,
                () -> assistance.close(
                        caseId,
                        new ClosureForm(
                                DurableSolution.RETURN_TO_COUNTRY_OF_ORIGIN,
                                "Back home safely",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)));

        verify(cases).close(eq(caseId), isNull(), eq(ClosureReason.DURABLE_SOLUTION));
        assertThat(events.ofType(DurableSolutionReached.class)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from assistance.plan where case_id = :id and closed_at is null")
                        .param("id", caseId.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long servicesOf(CaseId id) {
        return jdbc.sql("select count(*) from assistance.service where case_id = :id")
                .param("id", id.value())
                .query(Long.class)
                .single();
    }
}
