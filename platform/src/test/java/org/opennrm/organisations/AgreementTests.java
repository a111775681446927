package org.opennrm.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

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

    /** The module's words as the pages read them: English in the base bundle, never the machine's language. */
    static MessageSource words() {
        var messages = new ReloadableResourceBundleMessageSource();
        messages.setBasename("classpath:i18n/organisations");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /**
     * Every refusal of an agreement has its words in the module's bundle: in English as the API answers it, and in
     * each other language in that language, with its values in place (no key, no placeholder, no doubled apostrophe).
     */
    static void wordedInEveryLanguage(RuleViolation refusal) {
        var messages = words();
        assertThat(refusal.messageKey()).as(refusal.getMessage()).isNotNull();
        assertThat(refusal.words(messages, Locale.ENGLISH)).isEqualTo(refusal.getMessage());
        for (String language : List.of("fr", "de", "it", "ru", "es")) {
            String words = refusal.words(messages, Locale.forLanguageTag(language));
            assertThat(words)
                    .as(language + ": " + refusal.messageKey())
                    .isNotEqualTo(refusal.getMessage())
                    .doesNotContain("{", "''", refusal.messageKey());
        }
    }

    static RuleViolation refusalOf(Runnable request) {
        try {
            request.run();
        } catch (RuleViolation refusal) {
            return refusal;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void everyRefusalOfAnAgreementIsWordedInEachLanguage() {
        var signed = LocalDate.of(2025, 1, 1);
        var review = LocalDate.of(2026, 1, 1);
        List<Runnable> refused = List.of(
                () -> Agreement.register(new AgreementDetails(" ", "scope", twoParties(), signed, review), NOW),
                () -> Agreement.register(
                        new AgreementDetails("t".repeat(201), "scope", twoParties(), signed, review), NOW),
                () -> Agreement.register(new AgreementDetails("title", " ", twoParties(), signed, review), NOW),
                () -> Agreement.register(new AgreementDetails("title", "scope", twoParties(), null, review), NOW),
                () -> Agreement.register(details(review, signed, twoParties()), NOW),
                () -> Agreement.register(
                        details(signed, review, List.of(new AgreementParty(null, NrmRole.REFERRER))), NOW),
                () -> Agreement.register(details(signed, review, List.of(new AgreementParty(OFFICE, null))), NOW),
                () -> Agreement.register(
                        details(
                                signed,
                                review,
                                List.of(
                                        new AgreementParty(OFFICE, NrmRole.REFERRER),
                                        new AgreementParty(OFFICE, NrmRole.REFERRER))),
                        NOW),
                () -> Agreement.register(
                        details(signed, review, List.of(new AgreementParty(OFFICE, NrmRole.REFERRER))), NOW),
                () -> {
                    throw new PartyUnknown(SHELTER);
                },
                () -> {
                    throw new PartyNotActive(SHELTER, "Harbour House");
                });
        for (var request : refused) {
            wordedInEveryLanguage(refusalOf(request));
        }
        // the dates as they were given, in the reader's words around them
        assertThat(refusalOf(() -> Agreement.register(details(review, signed, twoParties()), NOW))
                        .words(words(), Locale.FRENCH))
                .isEqualTo(
                        "Le prochain réexamen (2025-01-01) ne peut pas précéder la signature de l'accord (2026-01-01).");
    }
}
