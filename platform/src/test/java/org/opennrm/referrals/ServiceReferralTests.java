package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.SharingScope;
import org.opennrm.referrals.events.ServiceReferralAccepted;
import org.opennrm.referrals.events.ServiceReferralCompleted;
import org.opennrm.referrals.events.ServiceReferralDeclined;
import org.opennrm.referrals.events.ServiceReferralSent;
import org.opennrm.referrals.events.ServiceReferralWithdrawn;

class ServiceReferralTests {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    ServiceReferral sent() {
        return ServiceReferral.send(
                CaseId.of(UUID.randomUUID()),
                "NRM-2026-000009",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Safe accommodation",
                Set.of(SharingScope.IDENTITY_BASIC),
                null,
                null,
                null,
                NOW);
    }

    @Test
    void sentReferralIsAcceptedThenCompleted() {
        var referral = sent();
        assertThat(referral.status()).isEqualTo(ServiceReferralStatus.SENT);
        referral.accept(NOW);
        assertThat(referral.status()).isEqualTo(ServiceReferralStatus.ACCEPTED);
        referral.complete(NOW);
        assertThat(referral.status()).isEqualTo(ServiceReferralStatus.COMPLETED);
    }

    @Test
    void eachMoveRegistersItsEventOnceWithTheMonthAndNoText() {
        var referral = sent();
        assertThat(referral.takeDomainEvents())
                .singleElement()
                .isInstanceOfSatisfying(ServiceReferralSent.class, sentEvent -> {
                    assertThat(sentEvent.serviceReferralId()).isEqualTo(referral.id());
                    assertThat(sentEvent.caseId()).isEqualTo(referral.caseId());
                    assertThat(sentEvent.receiverOrganisationId()).isEqualTo(referral.receiverOrganisationId());
                    assertThat(sentEvent.overrideGround()).isNull();
                    assertThat(sentEvent.sentIn()).isEqualTo(YearMonth.of(2026, 3));
                    assertThat(sentEvent.toString()).doesNotContain("Safe accommodation", "NRM-2026");
                });
        assertThat(referral.takeDomainEvents()).isEmpty();

        referral.accept(NOW);
        referral.complete(NOW);
        assertThat(referral.takeDomainEvents())
                .hasExactlyElementsOfTypes(ServiceReferralAccepted.class, ServiceReferralCompleted.class);

        var declined = sent();
        declined.takeDomainEvents();
        declined.decline("No place left", NOW);
        assertThat(declined.takeDomainEvents())
                .singleElement()
                .isInstanceOfSatisfying(ServiceReferralDeclined.class, event -> assertThat(event.toString())
                        .doesNotContain("No place left"));

        var withdrawn = sent();
        withdrawn.takeDomainEvents();
        withdrawn.withdraw(NOW);
        assertThat(withdrawn.takeDomainEvents()).hasExactlyElementsOfTypes(ServiceReferralWithdrawn.class);
    }

    @Test
    void aRefusedMoveRegistersNothing() {
        var referral = sent();
        referral.takeDomainEvents();
        assertThatThrownBy(() -> referral.complete(NOW)).isInstanceOf(ServiceReferralRefused.class);
        assertThat(referral.takeDomainEvents()).isEmpty();
    }

    @Test
    void sentReferralIsDeclinedOnlyWithAReason() {
        var referral = sent();
        assertThatThrownBy(() -> referral.decline(" ", NOW)).isInstanceOf(ServiceReferralRefused.class);
        referral.decline("No place left", NOW);
        assertThat(referral.status()).isEqualTo(ServiceReferralStatus.DECLINED);
        assertThat(referral.declineReason()).isEqualTo("No place left");
    }

    @Test
    void senderWithdrawsSentOrAcceptedReferrals() {
        var sent = sent();
        sent.withdraw(NOW);
        assertThat(sent.status()).isEqualTo(ServiceReferralStatus.WITHDRAWN);
        var accepted = sent();
        accepted.accept(NOW);
        accepted.withdraw(NOW);
        assertThat(accepted.status()).isEqualTo(ServiceReferralStatus.WITHDRAWN);
    }

    @Test
    void illegalTransitionsAreRefused() {
        var referral = sent();
        assertThatThrownBy(() -> referral.complete(NOW))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("serviceReferral.notAccepted"));
        referral.accept(NOW);
        assertThatThrownBy(() -> referral.accept(NOW)).isInstanceOf(ServiceReferralRefused.class);
        assertThatThrownBy(() -> referral.decline("late", NOW)).isInstanceOf(ServiceReferralRefused.class);
        referral.complete(NOW);
        assertThatThrownBy(() -> referral.withdraw(NOW)).isInstanceOf(ServiceReferralRefused.class);
        var declined = sent();
        declined.decline("Full", NOW);
        assertThatThrownBy(() -> declined.withdraw(NOW)).isInstanceOf(ServiceReferralRefused.class);
        assertThatThrownBy(() -> declined.accept(NOW)).isInstanceOf(ServiceReferralRefused.class);
    }

    @Test
    void referralNeedsAPurposeScopesAndHealthNeedsWhenSharingThem() {
        assertThatThrownBy(() -> ServiceReferral.send(
                        CaseId.of(UUID.randomUUID()),
                        "R",
                        null,
                        null,
                        null,
                        " ",
                        Set.of(SharingScope.PROFILE),
                        null,
                        null,
                        null,
                        NOW))
                .hasMessageContaining("purpose");
        assertThatThrownBy(() -> ServiceReferral.send(
                        CaseId.of(UUID.randomUUID()), "R", null, null, null, "Help", Set.of(), null, null, null, NOW))
                .hasMessageContaining("scope");
        assertThatThrownBy(() -> ServiceReferral.send(
                        CaseId.of(UUID.randomUUID()),
                        "R",
                        null,
                        null,
                        null,
                        "Help",
                        Set.of(SharingScope.HEALTH_NEEDS),
                        "",
                        null,
                        null,
                        NOW))
                .hasMessageContaining("health needs");
    }
}
