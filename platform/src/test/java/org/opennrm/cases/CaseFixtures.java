package org.opennrm.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Synthetic cases for tests. No real person is described. */
public final class CaseFixtures {

    public static final LocalDate REFERRED_ON = LocalDate.of(2026, 3, 2);

    private CaseFixtures() {}

    public static PersonIdentity adult() {
        return new PersonIdentity(
                "Testa", "Example", null, LocalDate.of(1990, 5, 17), null, "Feminine", Set.of("MDA"), Set.of("ron"));
    }

    public static PersonIdentity child() {
        return new PersonIdentity("Kiddo", "Example", null, null, 15, "Masculine", Set.of("UKR"), Set.of("ukr"));
    }

    public static TraffickingProfile labourProfile() {
        return new TraffickingProfile(
                Set.of("ForcedLabour"),
                Set.of("DebtBondage", "WithholdsDocuments"),
                Set.of("F_Construction"),
                Set.of("ThroughOnlineSocialNetworks"),
                Set.of("Telegram"),
                "Acquainted",
                Set.of("MDA"),
                Set.of("ROU"),
                Set.of("DEU"),
                Set.of(Vulnerability.DEBT));
    }

    public static OpenCase adultReferral(UUID sharingWith) {
        return new OpenCase(
                adult(),
                false,
                "Met during a construction site inspection.",
                labourProfile(),
                List.of(
                        new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true),
                        new ConsentStatement(ConsentPurpose.SHARING, sharingWith, true),
                        new ConsentStatement(ConsentPurpose.POLICE_CONTACT, null, false)),
                List.of(new EventEntry("Recruitment", REFERRED_ON.minusMonths(6), "MDA", "Advert in a chat group")),
                null,
                null);
    }

    public static OpenCase childReferral(UUID guardian) {
        return new OpenCase(
                child(), false, "Found begging.", TraffickingProfile.empty(), List.of(), List.of(), guardian, null);
    }

    /** A case opened on {@link #REFERRED_ON}, preliminary decision due five working days later. */
    public static Case openedAdultCase() {
        return Case.open(
                CaseId.random(),
                "NRM-2026-000001",
                UUID.randomUUID(),
                adultReferral(UUID.randomUUID()),
                AgeCategory.ADULT,
                UUID.randomUUID(),
                UUID.randomUUID(),
                REFERRED_ON,
                at(REFERRED_ON),
                REFERRED_ON.plusDays(7));
    }

    /**
     * {@link #openedAdultCase()}, closed the day after it was opened because the person withdrew: what a case page
     * shows for a closed case.
     */
    public static Case closedAdultCase() {
        var closed = openedAdultCase();
        closed.close(ClosureReason.PERSON_WITHDREW, at(REFERRED_ON.plusDays(1)));
        return closed;
    }

    /** The case with one of its consents withdrawn (by its id), the day after the case was opened. */
    public static Case withConsentWithdrawn(Case details, UUID consentId) {
        details.withdrawConsent(consentId, UUID.randomUUID(), at(REFERRED_ON.plusDays(1)));
        return details;
    }

    /**
     * {@link #openedAdultCase()} with a negative preliminary decision that a panel upheld two days later: a case page
     * with rows in its decision history and a review in one of them.
     */
    public static Case decidedAndReviewedAdultCase() {
        var details = openedAdultCase();
        var decidedOn = REFERRED_ON.plusDays(2);
        var decision = details.decidePreliminary(
                DecisionOutcome.NOT_PRESUMED,
                decidedOn,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "No indicator was confirmed.",
                null,
                decidedOn,
                at(decidedOn),
                30);
        var reviewedOn = decidedOn.plusDays(2);
        details.review(
                decision.id(),
                ReviewOutcome.UPHELD,
                reviewedOn,
                UUID.randomUUID(),
                "The panel agreed.",
                UUID.randomUUID(),
                reviewedOn,
                at(reviewedOn),
                30,
                ReviewSeparation.PERSON);
        return details;
    }

    /** A child whose age is in doubt, referred on {@link #REFERRED_ON} with the guardian appointed. */
    public static Case childCaseAgeInDoubt(UUID guardianAccountId) {
        var referral = new OpenCase(
                child(),
                true,
                "Found begging at the station",
                TraffickingProfile.empty(),
                List.of(),
                List.of(),
                guardianAccountId,
                null);
        return Case.open(
                CaseId.random(),
                "NRM-2026-000002",
                UUID.randomUUID(),
                referral,
                AgeCategory.AGE_IN_DOUBT,
                UUID.randomUUID(),
                UUID.randomUUID(),
                REFERRED_ON,
                at(REFERRED_ON),
                REFERRED_ON.plusDays(7));
    }

    /** The child's case after its best-interests assessment and an age assessment that found a child. */
    public static Case assessedAsChild(Case details, String bestInterestsSummary) {
        var day = REFERRED_ON.plusDays(1);
        details.recordBestInterests(day, bestInterestsSummary, UUID.randomUUID(), day, at(day));
        details.recordAgeAssessment(AgeCategory.CHILD, day, UUID.randomUUID(), day, at(day));
        return details;
    }

    /** The code lists as shipped (no national codes added in the pages), for slices without a database. */
    public static CodeLists shippedCodeLists() {
        return new CodeLists();
    }

    /** The profile forms' choices from the given code lists. */
    public static ProfileChoices profileChoices(CodeLists codes) {
        return new ProfileChoices(codes);
    }

    public static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }
}
