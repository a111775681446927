package org.opennrm.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.RuleViolation;

class AgreementTests {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final UUID OFFICE = UUID.randomUUID();
    static final UUID SHELTER = UUID.randomUUID();

    static AgreementDetails details(LocalDate signedOn, LocalDate nextReviewOn, List<AgreementParty> parties) {
        return new AgreementDetails(
                "Shelter referrals memorandum",
                "Safe accommodation for presumed victims",
                parties,
                signedOn,
                nextReviewOn);
    }

    static List<AgreementParty> twoParties() {
        return List.of(
                new AgreementParty(OFFICE, NrmRole.NATIONAL_COORDINATOR),
                new AgreementParty(SHELTER, NrmRole.SERVICE_PROVIDER));
    }

    @Test
    void reviewIsOverdueOnlyAfterTheReviewDate() {
        var agreement =
                Agreement.register(details(LocalDate.of(2025, 1, 15), LocalDate.of(2026, 1, 15), twoParties()), NOW);

        assertThat(agreement.reviewOverdue(LocalDate.of(2026, 1, 14))).isFalse();
        assertThat(agreement.reviewOverdue(LocalDate.of(2026, 1, 15))).isFalse();
        assertThat(agreement.reviewOverdue(LocalDate.of(2026, 1, 16))).isTrue();
    }

    @Test
    void reviewDateBeforeSigningIsRefused() {
        assertThatThrownBy(() -> Agreement.register(
                        details(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 5, 31), twoParties()), NOW))
                .isInstanceOf(ReviewBeforeSigning.class);
    }

    @Test
    void reviewOnTheSigningDayIsAccepted() {
        var agreement =
                Agreement.register(details(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1), twoParties()), NOW);

        assertThat(agreement.nextReviewOn()).isEqualTo(LocalDate.of(2025, 6, 1));
    }

    @Test
    void partiesAreRequired() {
        assertThatThrownBy(() ->
                        Agreement.register(details(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), List.of()), NOW))
                .isInstanceOf(PartiesMissing.class);
    }

    @Test
    void oneOrganisationAloneIsNoAgreement() {
        var alone = List.of(new AgreementParty(OFFICE, NrmRole.NATIONAL_COORDINATOR));

        assertThatThrownBy(() ->
                        Agreement.register(details(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), alone), NOW))
                .isInstanceOf(PartiesMissing.class);
    }

    @Test
    void anOrganisationIsNamedOnlyOnce() {
        var twice = List.of(
                new AgreementParty(OFFICE, NrmRole.NATIONAL_COORDINATOR), new AgreementParty(OFFICE, NrmRole.REFERRER));

        assertThatThrownBy(() ->
                        Agreement.register(details(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), twice), NOW))
                .isInstanceOf(PartiesMissing.class);
    }

    @Test
    void everyPartyPlaysARole() {
        var withoutRole =
                List.of(new AgreementParty(OFFICE, NrmRole.NATIONAL_COORDINATOR), new AgreementParty(SHELTER, null));

        assertThatThrownBy(() -> Agreement.register(
                        details(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), withoutRole), NOW))
                .isInstanceOf(PartiesMissing.class);
    }

    @Test
    void titleAndScopeAreRequired() {
        assertThatThrownBy(() -> Agreement.register(
                        new AgreementDetails(
                                " ", "scope", twoParties(), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)),
                        NOW))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Agreement.register(
                        new AgreementDetails(
                                "title", "", twoParties(), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)),
                        NOW))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void registeringAndChangingAnnounceTheParties() {
        var agreement =
                Agreement.register(details(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), twoParties()), NOW);
        agreement.change(details(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1), twoParties()), NOW);

        assertThat(agreement.pendingEvents())
                .containsExactly(
                        new AgreementRegistered(agreement.id(), java.util.Set.of(OFFICE, SHELTER)),
                        new AgreementChanged(agreement.id(), java.util.Set.of(OFFICE, SHELTER)));
        assertThat(agreement.hasParty(SHELTER)).isTrue();
        assertThat(agreement.hasParty(UUID.randomUUID())).isFalse();
    }

    @Test
    void aReviewMovesTheNextReviewDateAndClearsTheOverdue() {
        var agreement =
                Agreement.register(details(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), twoParties()), NOW);
        var today = LocalDate.of(2026, 3, 1);
        assertThat(agreement.reviewOverdue(today)).isTrue();

        agreement.change(details(LocalDate.of(2024, 1, 1), LocalDate.of(2027, 3, 1), twoParties()), NOW);

        assertThat(agreement.reviewOverdue(today)).isFalse();
    }
}
