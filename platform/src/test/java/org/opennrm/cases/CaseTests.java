package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opennrm.cases.CaseFixtures.REFERRED_ON;
import static org.opennrm.cases.CaseFixtures.at;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.RuleViolation;
import org.opennrm.cases.events.CaseOpened;
import org.opennrm.cases.events.CaseReopened;
import org.opennrm.cases.events.ConsentWithdrawn;
import org.opennrm.cases.events.IdentificationDecided;
import org.opennrm.cases.events.ProfileChanged;
import org.opennrm.cases.events.RecoveryPeriodGranted;

class CaseTests {

    static final UUID OFFICER = UUID.randomUUID();
    /** Another officer: a review is never taken by the decision-maker. */
    static final UUID REVIEWER = UUID.randomUUID();

    static final UUID PANEL = UUID.randomUUID();
    static final LocalDate DECIDED = REFERRED_ON.plusDays(3);
    static final LocalDate TODAY = REFERRED_ON.plusDays(60);

    final Case openCase = CaseFixtures.openedAdultCase();

    Decision preliminary(DecisionOutcome outcome) {
        return openCase.decidePreliminary(
                outcome, DECIDED, OFFICER, PANEL, "Indicators of forced labour", null, TODAY, at(DECIDED), 30);
    }

    Decision formal(DecisionOutcome outcome, LocalDate on) {
        return openCase.decideFormal(
                outcome, on, OFFICER, PANEL, "Conclusive grounds", "Interview notes", TODAY, at(on), 0);
    }

    @Test
    void openingRegistersCaseOpenedWithCodesOnlyAndPreliminaryDueDate() {
        assertThat(openCase.stage()).isEqualTo(Stage.REFERRED);
        assertThat(openCase.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(openCase.nextDueKind()).isEqualTo(DueKind.PRELIMINARY_DECISION);
        assertThat(openCase.domainEvents()).first().isInstanceOfSatisfying(CaseOpened.class, opened -> {
            assertThat(opened.exploitationForms()).containsExactly("ForcedLabour");
            assertThat(opened.vulnerabilities()).containsExactly("DEBT");
            assertThat(opened.recruitmentMethods()).containsExactly("ThroughOnlineSocialNetworks");
            assertThat(opened.recruitmentPlatforms()).containsExactly("Telegram");
            assertThat(opened.toString()).doesNotContain("Testa", "Example", "1990");
        });
    }

    @Test
    void aChangedProfileIsAnnouncedAsCodesAndAnUnchangedOneIsNot() {
        var before = openCase.domainEvents().size();
        openCase.changeProfile(CaseFixtures.labourProfile(), at(TODAY));
        assertThat(openCase.domainEvents()).hasSize(before);

        openCase.changeProfile(
                new TraffickingProfile(
                        java.util.Set.of("ForcedCriminality"),
                        java.util.Set.of(),
                        java.util.Set.of("C_Manufacturing"),
                        java.util.Set.of("AtAPlaceOfBusiness"),
                        java.util.Set.of("TikTok"),
                        "Familial",
                        java.util.Set.of(),
                        java.util.Set.of(),
                        java.util.Set.of("POL"),
                        java.util.Set.of(Vulnerability.CARE_LEAVER, Vulnerability.HOMELESSNESS)),
                at(TODAY));

        assertThat(openCase.domainEvents())
                .filteredOn(ProfileChanged.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(ProfileChanged.class, changed -> {
                    assertThat(changed.caseId()).isEqualTo(openCase.id());
                    assertThat(changed.changedIn()).isEqualTo(java.time.YearMonth.from(TODAY));
                    assertThat(changed.exploitationForms()).containsExactly("ForcedCriminality");
                    assertThat(changed.sectors()).containsExactly("C_Manufacturing");
                    assertThat(changed.vulnerabilities()).containsExactlyInAnyOrder("CARE_LEAVER", "HOMELESSNESS");
                    assertThat(changed.recruitmentMethods()).containsExactly("AtAPlaceOfBusiness");
                    assertThat(changed.recruitmentPlatforms()).containsExactly("TikTok");
                    assertThat(changed.exploitationCountries()).containsExactly("POL");
                    assertThat(changed.toString()).doesNotContain("Testa", "Example", "1990");
                });
    }

    @Test
    void positivePreliminaryDecisionStartsRecoveryPeriodWithProtectionFromRemoval() {
        var decision = preliminary(DecisionOutcome.PRESUMED_VICTIM);

        assertThat(openCase.stage()).isEqualTo(Stage.RECOVERY_PERIOD);
        assertThat(openCase.recoveryStartsOn()).isEqualTo(DECIDED);
        assertThat(openCase.recoveryEndsOn()).isEqualTo(DECIDED.plusDays(30));
        assertThat(openCase.protectionFromRemoval()).isTrue();
        assertThat(openCase.nextDueKind()).isEqualTo(DueKind.FORMAL_DECISION);
        assertThat(openCase.nextDueOn()).isEqualTo(DECIDED.plusDays(30));
        assertThat(decision.protectionFromRemoval()).isTrue();
        assertThat(decision.recoveryPeriodDays()).isEqualTo(30);
        assertThat(openCase.domainEvents())
                .filteredOn(IdentificationDecided.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(IdentificationDecided.class, decided -> {
                    assertThat(decided.outcome()).isEqualTo(DecisionOutcome.PRESUMED_VICTIM);
                    assertThat(decided.startsRecoveryPeriod()).isTrue();
                });
        assertThat(openCase.domainEvents())
                .filteredOn(RecoveryPeriodGranted.class::isInstance)
                .singleElement()
                .isEqualTo(new RecoveryPeriodGranted(
                        openCase.id(), java.time.YearMonth.from(DECIDED), 30, openCase.ageCategory()));
    }

    @Test
    void negativePreliminaryDecisionLeavesNothingDue() {
        preliminary(DecisionOutcome.NOT_PRESUMED);

        assertThat(openCase.stage()).isEqualTo(Stage.PRELIMINARY_DECISION);
        assertThat(openCase.nextDueOn()).isNull();
        assertThat(openCase.recoveryEndsOn()).isNull();
        assertThat(openCase.domainEvents()).noneMatch(RecoveryPeriodGranted.class::isInstance);
        assertThat(openCase.protectionFromRemoval()).isFalse();
    }

    @Test
    void secondPreliminaryDecisionIsRefusedAndTheFirstStands() {
        preliminary(DecisionOutcome.NOT_PRESUMED);

        assertThatThrownBy(() -> preliminary(DecisionOutcome.PRESUMED_VICTIM))
                .isInstanceOf(DecisionOutOfOrder.class)
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already taken");
        assertThat(openCase.decisions())
                .singleElement()
                .extracting(Decision::outcome)
                .isEqualTo(DecisionOutcome.NOT_PRESUMED);
    }

    @Test
    void formalDecisionBeforePreliminaryIsRefused() {
        assertThatThrownBy(() -> formal(DecisionOutcome.IDENTIFIED, DECIDED))
                .isInstanceOf(DecisionOutOfOrder.class)
                .hasMessageContaining("preliminary decision first");
        assertThat(openCase.decisions()).isEmpty();
        assertThat(openCase.stage()).isEqualTo(Stage.REFERRED);
    }

    @Test
    void formalDecisionAfterNegativePreliminaryIsRefused() {
        preliminary(DecisionOutcome.NOT_PRESUMED);

        assertThatThrownBy(() -> formal(DecisionOutcome.IDENTIFIED, DECIDED.plusDays(1)))
                .isInstanceOf(DecisionOutOfOrder.class)
                .hasMessageContaining("reviewed");
    }

    @Test
    void formalDecisionAfterPositivePreliminaryEndsWhatIsDue() {
        preliminary(DecisionOutcome.PRESUMED_VICTIM);
        var decision = formal(DecisionOutcome.IDENTIFIED, DECIDED.plusDays(20));

        assertThat(decision.kind()).isEqualTo(DecisionKind.FORMAL);
        assertThat(openCase.stage()).isEqualTo(Stage.FORMAL_DECISION);
        assertThat(openCase.nextDueOn()).isNull();
        assertThat(openCase.current(DecisionKind.FORMAL)).contains(decision);
    }

    @Test
    void secondFormalDecisionIsRefused() {
        preliminary(DecisionOutcome.PRESUMED_VICTIM);
        formal(DecisionOutcome.NOT_IDENTIFIED, DECIDED.plusDays(20));

        assertThatThrownBy(() -> formal(DecisionOutcome.IDENTIFIED, DECIDED.plusDays(21)))
                .isInstanceOf(DecisionOutOfOrder.class);
    }

    @Test
    void formalOutcomeCannotBeUsedForPreliminaryDecision() {
        assertThatThrownBy(() -> preliminary(DecisionOutcome.IDENTIFIED)).isInstanceOf(CaseRuleViolation.class);
    }

    @Test
    void decisionDatedInTheFutureOrBeforeReferralIsRefused() {
        assertThatThrownBy(() -> openCase.decidePreliminary(
                        DecisionOutcome.PRESUMED_VICTIM,
                        TODAY.plusDays(1),
                        OFFICER,
                        PANEL,
                        "r",
                        null,
                        TODAY,
                        at(TODAY),
                        30))
                .isInstanceOf(DecisionOutOfOrder.class)
                .hasMessageContaining("future");
        assertThatThrownBy(() -> openCase.decidePreliminary(
                        DecisionOutcome.PRESUMED_VICTIM,
                        REFERRED_ON.minusDays(1),
                        OFFICER,
                        PANEL,
                        "r",
                        null,
                        TODAY,
                        at(TODAY),
                        30))
                .isInstanceOf(DecisionOutOfOrder.class)
                .hasMessageContaining("before the referral");
    }

    @Test
    void decisionWithoutReasonsIsRefused() {
        assertThatThrownBy(() -> openCase.decidePreliminary(
                        DecisionOutcome.PRESUMED_VICTIM, DECIDED, OFFICER, PANEL, " ", null, TODAY, at(DECIDED), 30))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessageContaining("reasons");
        assertThat(openCase.decisions()).isEmpty();
    }

    @Test
    void textsLongerThanTheCaseKeepsAreRefusedByTheAggregateWhateverPathTheyCameBy() {
        String page = "x".repeat(Case.TEXT_LIMIT);
        String tooLong = page + "x";
        assertThatThrownBy(() -> openCase.decidePreliminary(
                        DecisionOutcome.PRESUMED_VICTIM,
                        DECIDED,
                        OFFICER,
                        PANEL,
                        tooLong,
                        null,
                        TODAY,
                        at(DECIDED),
                        30))
                .isInstanceOfSatisfying(CaseRuleViolation.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("decision.text.size"));
        assertThatThrownBy(() -> openCase.decidePreliminary(
                        DecisionOutcome.PRESUMED_VICTIM,
                        DECIDED,
                        OFFICER,
                        PANEL,
                        "Reasons",
                        tooLong,
                        TODAY,
                        at(DECIDED),
                        30))
                .isInstanceOf(CaseRuleViolation.class);
        assertThatThrownBy(() -> openCase.addEvent(
                        new EventEntry("Exploitation", TODAY, "DEU", "y".repeat(Case.SHORT_TEXT_LIMIT + 1)),
                        OFFICER,
                        TODAY,
                        at(TODAY)))
                .isInstanceOfSatisfying(CaseRuleViolation.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("referral.eventDescription.size"));
        assertThat(openCase.decisions()).isEmpty();
        assertThat(openCase.events()).hasSize(1);

        openCase.decidePreliminary(
                DecisionOutcome.PRESUMED_VICTIM, DECIDED, OFFICER, PANEL, page, page, TODAY, at(DECIDED), 30);
        assertThat(openCase.decisions()).hasSize(1);
    }

    @Test
    void aReopeningKeepsItsReasonInTheCaseAndTheEventCarriesOnlyTheMonth() {
        openCase.close(ClosureReason.PERSON_WITHDREW, at(DECIDED));
        openCase.clearDomainEvents();

        var reopening = openCase.reopen("  The person came back to the shelter.  ", OFFICER, at(TODAY));

        assertThat(reopening.reason()).isEqualTo("The person came back to the shelter.");
        assertThat(openCase.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(openCase.domainEvents()).singleElement().isInstanceOfSatisfying(CaseReopened.class, reopened -> {
            assertThat(reopened.reopenedIn()).isEqualTo(java.time.YearMonth.from(TODAY));
            assertThat(reopened.toString()).doesNotContain("shelter");
        });
        assertThatThrownBy(() -> openCase.reopen("Again", OFFICER, at(TODAY))).isInstanceOf(CaseRuleViolation.class);
    }

    @Test
    void theCaseSaysWhichDecisionItAwaitsInTheOrderItEnforces() {
        assertThat(openCase.awaitsDecision(DecisionKind.PRELIMINARY)).isTrue();
        assertThat(openCase.awaitsDecision(DecisionKind.FORMAL)).isFalse();

        preliminary(DecisionOutcome.NOT_PRESUMED);
        assertThat(openCase.awaitsDecision(DecisionKind.PRELIMINARY)).isFalse();
        assertThat(openCase.awaitsDecision(DecisionKind.FORMAL)).isFalse();
        assertThatThrownBy(() -> formal(DecisionOutcome.IDENTIFIED, DECIDED.plusDays(1)))
                .isInstanceOf(DecisionOutOfOrder.class);

        var positive = CaseFixtures.openedAdultCase();
        positive.decidePreliminary(
                DecisionOutcome.PRESUMED_VICTIM, DECIDED, OFFICER, PANEL, "Indicators", null, TODAY, at(DECIDED), 30);
        assertThat(positive.awaitsDecision(DecisionKind.FORMAL)).isTrue();
        positive.close(ClosureReason.PERSON_WITHDREW, at(TODAY));
        assertThat(positive.awaitsDecision(DecisionKind.FORMAL)).isFalse();
    }

    @Test
    void decisionOnClosedCaseIsRefused() {
        openCase.close(ClosureReason.PERSON_WITHDREW, at(DECIDED));

        assertThatThrownBy(() -> preliminary(DecisionOutcome.PRESUMED_VICTIM))
                .isInstanceOf(CaseNotOpen.class)
                .hasMessageContaining("closed");
        assertThat(openCase.nextDueOn()).isNull();
    }

    @Test
    void reconsideredNegativePreliminaryDecisionIsReplacedAndStartsRecoveryPeriod() {
        var negative = preliminary(DecisionOutcome.NOT_PRESUMED);

        openCase.review(
                negative.id(),
                ReviewOutcome.RECONSIDERED,
                DECIDED.plusDays(5),
                PANEL,
                "New evidence",
                REVIEWER,
                TODAY,
                at(DECIDED.plusDays(5)),
                45,
                ReviewSeparation.PERSON);

        assertThat(openCase.decisions()).hasSize(2);
        assertThat(openCase.replaced(negative)).isTrue();
        var standing = openCase.current(DecisionKind.PRELIMINARY).orElseThrow();
        assertThat(standing.outcome()).isEqualTo(DecisionOutcome.PRESUMED_VICTIM);
        assertThat(standing.reconsiders()).isEqualTo(negative.id());
        assertThat(openCase.stage()).isEqualTo(Stage.RECOVERY_PERIOD);
        assertThat(openCase.recoveryEndsOn()).isEqualTo(DECIDED.plusDays(5).plusDays(45));
        assertThat(openCase.reviewOf(negative)).isPresent();
        assertThat(openCase.domainEvents())
                .filteredOn(RecoveryPeriodGranted.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(RecoveryPeriodGranted.class, granted -> assertThat(granted.days())
                        .isEqualTo(45));
    }

    @Test
    void upheldNegativeDecisionStandsAndCannotBeReviewedTwice() {
        var negative = preliminary(DecisionOutcome.NOT_PRESUMED);
        openCase.review(
                negative.id(),
                ReviewOutcome.UPHELD,
                DECIDED.plusDays(5),
                PANEL,
                "Same facts",
                REVIEWER,
                TODAY,
                at(DECIDED.plusDays(5)),
                30,
                ReviewSeparation.PERSON);

        assertThat(openCase.current(DecisionKind.PRELIMINARY)).contains(negative);
        assertThat(openCase.stage()).isEqualTo(Stage.PRELIMINARY_DECISION);
        assertThatThrownBy(() -> openCase.review(
                        negative.id(),
                        ReviewOutcome.RECONSIDERED,
                        DECIDED.plusDays(6),
                        PANEL,
                        "Again",
                        REVIEWER,
                        TODAY,
                        at(TODAY),
                        30,
                        ReviewSeparation.PERSON))
                .isInstanceOf(DecisionOutOfOrder.class)
                .hasMessageContaining("already reviewed");
    }

    @Test
    void positiveDecisionCannotBeReviewed() {
        var positive = preliminary(DecisionOutcome.PRESUMED_VICTIM);

        assertThatThrownBy(() -> openCase.review(
                        positive.id(),
                        ReviewOutcome.UPHELD,
                        DECIDED,
                        PANEL,
                        "r",
                        REVIEWER,
                        TODAY,
                        at(TODAY),
                        30,
                        ReviewSeparation.PERSON))
                .isInstanceOf(DecisionOutOfOrder.class)
                .hasMessageContaining("negative");
    }

    @Test
    void reconsideredNegativeFormalDecisionIdentifiesThePerson() {
        preliminary(DecisionOutcome.PRESUMED_VICTIM);
        var negative = formal(DecisionOutcome.NOT_IDENTIFIED, DECIDED.plusDays(20));

        openCase.review(
                negative.id(),
                ReviewOutcome.RECONSIDERED,
                DECIDED.plusDays(25),
                PANEL,
                "Panel view",
                REVIEWER,
                TODAY,
                at(DECIDED.plusDays(25)),
                30,
                ReviewSeparation.PERSON);

        assertThat(openCase.current(DecisionKind.FORMAL).orElseThrow().outcome())
                .isEqualTo(DecisionOutcome.IDENTIFIED);
        assertThat(openCase.decisions())
                .extracting(Decision::outcome)
                .containsExactly(
                        DecisionOutcome.PRESUMED_VICTIM, DecisionOutcome.NOT_IDENTIFIED, DecisionOutcome.IDENTIFIED);
    }

    @Test
    void withdrawingSharingConsentStopsSharingAtOnce() {
        var partner = UUID.randomUUID();
        var withConsent = Case.open(
                CaseId.random(),
                "NRM-2026-000002",
                UUID.randomUUID(),
                CaseFixtures.adultReferral(partner),
                AgeCategory.ADULT,
                UUID.randomUUID(),
                UUID.randomUUID(),
                REFERRED_ON,
                at(REFERRED_ON),
                REFERRED_ON.plusDays(7));
        assertThat(withConsent.sharingAllowedWith(partner)).isTrue();
        assertThat(withConsent.sharingAllowedWith(UUID.randomUUID())).isFalse();

        withConsent.withdrawConsent(ConsentPurpose.SHARING, partner, OFFICER, at(TODAY));

        assertThat(withConsent.sharingAllowedWith(partner)).isFalse();
        assertThat(withConsent.consents())
                .filteredOn(Consent::withdrawn)
                .singleElement()
                .satisfies(consent -> assertThat(consent.withdrawnBy()).isEqualTo(OFFICER));
        assertThat(withConsent.domainEvents())
                .filteredOn(ConsentWithdrawn.class::isInstance)
                .hasSize(1);
        assertThatThrownBy(() -> withConsent.withdrawConsent(ConsentPurpose.SHARING, partner, OFFICER, at(TODAY)))
                .isInstanceOf(ConsentMissing.class);
    }

    @Test
    void aConsentWithdrawnByItsIdIsWithdrawnOnceAndThenNoLongerInForce() {
        var details = CaseFixtures.openedAdultCase();
        var sharing = details.consents().stream()
                .filter(consent -> consent.purpose() == ConsentPurpose.SHARING)
                .findFirst()
                .orElseThrow();

        details.withdrawConsent(sharing.id(), OFFICER, at(TODAY));

        assertThat(details.consents())
                .filteredOn(consent -> consent.id().equals(sharing.id()))
                .singleElement()
                .satisfies(consent -> assertThat(consent.inForce()).isFalse());
        assertThatThrownBy(() -> details.withdrawConsent(sharing.id(), OFFICER, at(TODAY)))
                .isInstanceOf(ConsentMissing.class)
                .hasMessageContaining("in force");
        assertThatThrownBy(() -> details.withdrawConsent(UUID.randomUUID(), OFFICER, at(TODAY)))
                .isInstanceOf(ConsentMissing.class);
    }

    @Test
    void adultWithoutConsentToAssistanceIsNotReferred() {
        var declined = new OpenCase(
                CaseFixtures.adult(),
                false,
                null,
                null,
                List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, false)),
                List.of(),
                null,
                null);

        assertThatThrownBy(() -> Case.open(
                        CaseId.random(),
                        "NRM-2026-000003",
                        UUID.randomUUID(),
                        declined,
                        AgeCategory.ADULT,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        REFERRED_ON,
                        at(REFERRED_ON),
                        REFERRED_ON))
                .isInstanceOf(ConsentMissing.class)
                .hasMessageContaining("anonymous notification");
    }

    @Test
    void childWithoutGuardianIsRefusedAndWithGuardianNeedsNoConsent() {
        assertThatThrownBy(() -> Case.open(
                        CaseId.random(),
                        "NRM-2026-000004",
                        UUID.randomUUID(),
                        CaseFixtures.childReferral(null),
                        AgeCategory.CHILD,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        REFERRED_ON,
                        at(REFERRED_ON),
                        REFERRED_ON))
                .isInstanceOf(GuardianMissing.class)
                .hasMessageContaining("guardian");

        var guardian = UUID.randomUUID();
        var child = Case.open(
                CaseId.random(),
                "NRM-2026-000005",
                UUID.randomUUID(),
                CaseFixtures.childReferral(guardian),
                AgeCategory.AGE_IN_DOUBT,
                UUID.randomUUID(),
                UUID.randomUUID(),
                REFERRED_ON,
                at(REFERRED_ON),
                REFERRED_ON);
        assertThat(child.guardian()).map(GuardianAppointment::guardianAccountId).contains(guardian);
        assertThat(child.consents()).isEmpty();
    }

    @Test
    void ageAssessmentSettlesDoubtAndBestInterestsOnlyForChildren() {
        var child = Case.open(
                CaseId.random(),
                "NRM-2026-000006",
                UUID.randomUUID(),
                CaseFixtures.childReferral(UUID.randomUUID()),
                AgeCategory.AGE_IN_DOUBT,
                UUID.randomUUID(),
                UUID.randomUUID(),
                REFERRED_ON,
                at(REFERRED_ON),
                REFERRED_ON);
        child.recordBestInterests(REFERRED_ON.plusDays(1), "Stay with foster family", OFFICER, TODAY, at(TODAY));
        child.recordAgeAssessment(AgeCategory.CHILD, REFERRED_ON.plusDays(2), OFFICER, TODAY, at(TODAY));

        assertThat(child.ageCategory()).isEqualTo(AgeCategory.CHILD);
        assertThat(child.bestInterests()).hasSize(1);
        assertThatThrownBy(() -> openCase.recordBestInterests(REFERRED_ON, "x", OFFICER, TODAY, at(TODAY)))
                .isInstanceOf(CaseRuleViolation.class);
        assertThatThrownBy(() -> openCase.appointGuardian(UUID.randomUUID(), OFFICER, at(TODAY)))
                .isInstanceOf(CaseRuleViolation.class);
    }

    @Test
    void eventDatedInTheFutureIsRefusedWithClearMessage() {
        assertThatThrownBy(() -> openCase.addEvent(
                        new EventEntry("Exploitation", TODAY.plusDays(1), "DEU", null), OFFICER, TODAY, at(TODAY)))
                .isInstanceOf(EventDateInFuture.class)
                .hasMessageContaining("cannot be dated in the future");
        openCase.addEvent(new EventEntry("Exploitation", TODAY, "DEU", null), OFFICER, TODAY, at(TODAY));
        assertThat(openCase.events()).hasSize(2);
    }

    @Test
    void assistanceStartsOnlyForPresumedOrIdentifiedVictims() {
        assertThatThrownBy(() -> openCase.startAssistance(at(TODAY))).isInstanceOf(CaseRuleViolation.class);
        preliminary(DecisionOutcome.PRESUMED_VICTIM);

        openCase.startAssistance(at(TODAY));
        formal(DecisionOutcome.IDENTIFIED, DECIDED.plusDays(10));

        assertThat(openCase.stage()).isEqualTo(Stage.IN_ASSISTANCE);
    }

    @Test
    void toStringShowsNoIdentity() {
        assertThat(CaseFixtures.adult().toString()).doesNotContain("Testa", "1990", "MDA");
        assertThat(openCase.toString()).doesNotContain("construction");
        assertThat(CaseFixtures.adultReferral(UUID.randomUUID()).toString()).doesNotContain("Testa");
    }

    @Test
    void theDecisionMakerCannotReviewTheirOwnDecisionAndAnotherOrganisationCanBeRequired() {
        var negative = preliminary(DecisionOutcome.NOT_PRESUMED);
        assertThatThrownBy(() -> openCase.review(
                        negative.id(),
                        ReviewOutcome.UPHELD,
                        DECIDED.plusDays(5),
                        PANEL,
                        "Same facts",
                        OFFICER,
                        TODAY,
                        at(DECIDED.plusDays(5)),
                        30,
                        ReviewSeparation.PERSON))
                .isInstanceOfSatisfying(CaseRuleViolation.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("caseRule.reviewBySamePerson"));
        // another officer of the same organisation is not enough where another organisation is required
        assertThatThrownBy(() -> openCase.review(
                        negative.id(),
                        ReviewOutcome.UPHELD,
                        DECIDED.plusDays(5),
                        PANEL,
                        "Same facts",
                        REVIEWER,
                        TODAY,
                        at(DECIDED.plusDays(5)),
                        30,
                        ReviewSeparation.ORGANISATION))
                .isInstanceOfSatisfying(CaseRuleViolation.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("caseRule.reviewBySameOrganisation"));
        openCase.review(
                negative.id(),
                ReviewOutcome.UPHELD,
                DECIDED.plusDays(5),
                UUID.randomUUID(),
                "Same facts",
                REVIEWER,
                TODAY,
                at(DECIDED.plusDays(5)),
                30,
                ReviewSeparation.ORGANISATION);
        assertThat(openCase.reviewOf(negative)).isPresent();
    }

    @Test
    void aFormalDecisionWaitsForTheMinimumPeriodAfterThePreliminaryOne() {
        preliminary(DecisionOutcome.PRESUMED_VICTIM);
        assertThatThrownBy(() -> openCase.decideFormal(
                        DecisionOutcome.IDENTIFIED,
                        DECIDED.plusDays(29),
                        OFFICER,
                        PANEL,
                        "Conclusive grounds",
                        null,
                        TODAY,
                        at(DECIDED.plusDays(29)),
                        30))
                .isInstanceOfSatisfying(CaseRuleViolation.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("caseRule.formalTooEarly"));
        assertThat(openCase.decisions()).hasSize(1);
        var formal = openCase.decideFormal(
                DecisionOutcome.IDENTIFIED,
                DECIDED.plusDays(30),
                OFFICER,
                PANEL,
                "Conclusive grounds",
                null,
                TODAY,
                at(DECIDED.plusDays(30)),
                30);
        assertThat(formal.decidedOn()).isEqualTo(DECIDED.plusDays(30));
    }
}
