package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.SharingScope;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class ServiceReferralsTests {

    @Autowired
    ServiceReferrals referrals;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    UUID inspectorate;
    UUID office;
    UUID shelter;
    UUID hospital;

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
        hospital = organisations.findByName("Central Hospital").orElseThrow().id();
    }

    CaseId caseSharedWithShelter() {
        return SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)))
                .caseId();
    }

    ServiceReferral send(CaseId caseId, UUID to, Set<SharingScope> scopes, OverrideGround ground, String reason) {
        return SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> referrals.send(
                        caseId,
                        new ServiceReferralRequest(
                                to, "Safe accommodation", scopes, "Needs a dentist", ground, reason)));
    }

    @Test
    void shelterAcceptsAndCompletesAReferralItWasSent() {
        var caseId = caseSharedWithShelter();
        var sent = send(caseId, shelter, Set.of(SharingScope.IDENTITY_BASIC), null, null);
        assertThat(sent.overridden()).isFalse();
        SignedIn.as(Role.SERVICE_PROVIDER, shelter, () -> referrals.accept(sent.id()));
        assertThat(referrals.acceptedFor(caseId, shelter)).isTrue();
        SignedIn.as(Role.SERVICE_PROVIDER, shelter, () -> referrals.complete(sent.id()));
        var stored = SignedIn.as(Role.CASE_MANAGER, office, () -> referrals.ofCase(caseId));
        assertThat(stored).singleElement().satisfies(referral -> {
            assertThat(referral.status()).isEqualTo(ServiceReferralStatus.COMPLETED);
            assertThat(referral.healthNeeds()).isNull();
        });
    }

    @Test
    void sharingWithoutConsentIsRefusedWithTheReason() {
        var caseId = caseSharedWithShelter();
        assertThatThrownBy(() -> send(caseId, hospital, Set.of(SharingScope.IDENTITY_BASIC), null, null))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("serviceReferral.consentMissing"));
        assertThat(SignedIn.as(Role.CASE_MANAGER, office, () -> referrals.ofCase(caseId)))
                .isEmpty();
    }

    @Test
    void overrideNeedsItsPermissionAndAReasonAndIsAudited() {
        var caseId = caseSharedWithShelter();
        assertThatThrownBy(() ->
                        send(caseId, hospital, Set.of(SharingScope.HEALTH_NEEDS), OverrideGround.RISK_TO_LIFE, " "))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("serviceReferral.overrideReason.missing"));
        var actor = org.opennrm.access.TestSignIn.actor(Role.CASE_MANAGER, office);
        var withoutOverride = new org.opennrm.access.Actor(
                actor.accountId(),
                actor.username(),
                office,
                actor.roles(),
                actor.grants().stream()
                        .filter(grant -> grant.permission() != org.opennrm.access.Permission.SHARING_OVERRIDE)
                        .collect(java.util.stream.Collectors.toSet()));
        assertThatThrownBy(() -> SignedIn.as(
                        withoutOverride,
                        () -> referrals.send(
                                caseId,
                                new ServiceReferralRequest(
                                        hospital,
                                        "Urgent care",
                                        Set.of(SharingScope.HEALTH_NEEDS),
                                        "Injury",
                                        OverrideGround.RISK_TO_LIFE,
                                        "Bleeding"))))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("serviceReferral.overrideNotAllowed"));
        var sent = send(caseId, hospital, Set.of(SharingScope.HEALTH_NEEDS), OverrideGround.RISK_TO_LIFE, "Bleeding");
        assertThat(sent.overridden()).isTrue();
        assertThat(sent.overrideReason()).isEqualTo("Bleeding");
        int audited = jdbc.sql("""
                        select count(*) from access.audit_entry
                        where record_id = :id and action = 'SHARE' and detail like '%RISK_TO_LIFE%'""")
                .param("id", caseId.value().toString())
                .query(Integer.class)
                .single();
        assertThat(audited).isEqualTo(1);
        var view = SignedIn.as(Role.SERVICE_PROVIDER, hospital, () -> referrals.view(sent.id()));
        assertThat(view.accessInForce()).isTrue();
    }

    @Test
    void withdrawnConsentStopsTheReceiversAccessAtOnce() {
        var caseId = caseSharedWithShelter();
        var sent = send(caseId, shelter, Set.of(SharingScope.IDENTITY_BASIC), null, null);
        SignedIn.as(Role.SERVICE_PROVIDER, shelter, () -> referrals.accept(sent.id()));
        assertThat(SignedIn.as(Role.SERVICE_PROVIDER, shelter, () -> referrals.view(sent.id()))
                        .accessInForce())
                .isTrue();
        SignedIn.run(
                Role.CASE_MANAGER, office, () -> cases.withdrawConsent(caseId, null, ConsentPurpose.SHARING, shelter));
        var view = SignedIn.as(Role.SERVICE_PROVIDER, shelter, () -> referrals.view(sent.id()));
        assertThat(view.accessInForce()).isFalse();
        assertThat(view.sharedCase()).isNull();
        assertThat(referrals.acceptedFor(caseId, shelter)).isFalse();
    }

    @Test
    void receiverSeesOnlyTheScopesShared() {
        var caseId = caseSharedWithShelter();
        var sent = send(caseId, shelter, Set.of(SharingScope.IDENTITY_BASIC), null, null);
        var shared = SignedIn.as(Role.SERVICE_PROVIDER, shelter, () -> referrals.view(sent.id()))
                .sharedCase();
        assertThat(shared.givenName()).isEqualTo("Testa");
        assertThat(shared.languages()).containsExactly("ron");
        assertThat(shared.gender()).isNull();
        assertThat(shared.ageCategory()).isNull();
        assertThat(shared.exploitationForms()).isEmpty();
    }

    @Test
    void theCasePageSeesAnOverrideSentHereAtOnceAndOnlyOnItsCase() {
        var caseId = caseSharedWithShelter();
        var other = caseSharedWithShelter();
        assertThat(SignedIn.as(Role.CASE_MANAGER, office, () -> referrals.overridesOf(caseId)))
                .isEmpty();

        var sent = send(caseId, hospital, Set.of(SharingScope.HEALTH_NEEDS), OverrideGround.RISK_TO_LIFE, "Bleeding");

        assertThat(SignedIn.as(Role.CASE_MANAGER, office, () -> referrals.overridesOf(caseId)))
                .extracting(ServiceReferral::id)
                .containsExactly(sent.id());
        assertThat(SignedIn.as(Role.CASE_MANAGER, office, () -> referrals.overridesOf(other)))
                .isEmpty();
    }

    @Test
    void anOverrideSentThroughAnotherInstanceIsSeenOnceTheCheckIntervalHasPassed() {
        var caseId = caseSharedWithShelter();
        var checkedAlways = new OverriddenCases(jdbc, Duration.ZERO);
        var checkedHourly = new OverriddenCases(jdbc, Duration.ofHours(1));
        assertThat(checkedAlways.mayHave(caseId)).isFalse();
        assertThat(checkedHourly.mayHave(caseId)).isFalse();

        // sent through the application's instance, which these two do not hear of: as another instance would
        send(caseId, hospital, Set.of(SharingScope.HEALTH_NEEDS), OverrideGround.RISK_TO_LIFE, "Bleeding");

        assertThat(checkedAlways.mayHave(caseId)).isTrue();
        assertThat(checkedHourly.mayHave(caseId)).isFalse();
        checkedHourly.changed();
        assertThat(checkedHourly.mayHave(caseId)).isTrue();
    }

    @Test
    void anotherOrganisationIsToldTheReferralDoesNotExist() {
        var caseId = caseSharedWithShelter();
        var sent = send(caseId, shelter, Set.of(SharingScope.IDENTITY_BASIC), null, null);
        assertThatThrownBy(() -> SignedIn.as(Role.SERVICE_PROVIDER, hospital, () -> referrals.view(sent.id())))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> SignedIn.as(Role.SERVICE_PROVIDER, hospital, () -> referrals.accept(sent.id())))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    void caseIsTransferredToAnotherOwnerWithAReason() {
        var caseId = caseSharedWithShelter();
        assertThatThrownBy(() -> SignedIn.as(Role.CASE_MANAGER, office, () -> referrals.transfer(caseId, shelter, "")))
                .isInstanceOf(ServiceReferralRefused.class);
        SignedIn.as(Role.CASE_MANAGER, office, () -> referrals.transfer(caseId, shelter, "Moved to the north"));
        assertThat(referrals.owner(caseId)).contains(shelter);
        assertThatThrownBy(() ->
                        SignedIn.as(Role.CASE_MANAGER, office, () -> referrals.transfer(caseId, shelter, "again")))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("transfer.sameOwner"));
    }
}
