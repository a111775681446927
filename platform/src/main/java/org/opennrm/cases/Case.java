package org.opennrm.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.EventMonth;
import org.opennrm.cases.events.AgeAssessed;
import org.opennrm.cases.events.AssistanceStarted;
import org.opennrm.cases.events.CaseClosed;
import org.opennrm.cases.events.CaseOpened;
import org.opennrm.cases.events.CaseReopened;
import org.opennrm.cases.events.ConsentGiven;
import org.opennrm.cases.events.ConsentWithdrawn;
import org.opennrm.cases.events.DecisionReviewed;
import org.opennrm.cases.events.GuardianAppointed;
import org.opennrm.cases.events.IdentificationDecided;
import org.opennrm.cases.events.ProfileChanged;
import org.opennrm.cases.events.RecoveryPeriodGranted;

/**
 * A person's case in the NRM. Opened by a referral (stage {@link Stage#REFERRED}, preliminary decision due in
 * working days); a positive preliminary decision (reasonable grounds: presumed victim) starts the recovery and
 * reflection period with protection from removal, at whose end the formal decision is due; a negative decision
 * of either kind can be reviewed by a multi-agency panel, which upholds it or reconsiders it as positive.
 * Decisions are never changed or deleted: the history is the list of decisions and reviews. A case closes at
 * any stage and then accepts no change.
 *
 * <p>Every change registers a past-tense event carrying ids and codes only. The aggregate holds the identity
 * of nobody: the person is a separate record, and {@code toString()} shows ids only.
 */
public final class Case {

    /**
     * The longest reasons, evidence, circumstances or assessment summary a case keeps: a page of text, enough for a
     * decision's reasons. The forms show the same limit as a field message ({@code @Size(max = TEXT_LIMIT)}).
     */
    public static final int TEXT_LIMIT = 5000;

    /** The longest description of an event or reason for reopening. */
    public static final int SHORT_TEXT_LIMIT = 2000;

    private final CaseId id;
    private final String reference;
    private final UUID personId;
    private final UUID referringOrganisationId;
    private final UUID referredBy;
    private final LocalDate referredOn;
    private final Instant openedAt;
    private final UUID screeningId;
    private final String circumstances;
    private final int version;

    private CaseStatus status;
    private Stage stage;
    private AgeCategory ageCategory;
    private DueKind nextDueKind;
    private LocalDate nextDueOn;
    private LocalDate recoveryStartsOn;
    private LocalDate recoveryEndsOn;
    private boolean protectionFromRemoval;
    private TraffickingProfile profile;
    private ClosureReason closureReason;
    private Instant closedAt;
    private Instant updatedAt;

    private final Consents consents;
    private final DecisionHistory history;
    private final List<TimelineEvent> events;
    private final List<GuardianAppointment> guardians;
    private final List<BestInterestsAssessment> bestInterests;
    private final List<AgeAssessment> ageAssessments;

    private final List<Object> domainEvents = new ArrayList<>();

    Case(
            CaseId id,
            String reference,
            UUID personId,
            UUID referringOrganisationId,
            UUID referredBy,
            LocalDate referredOn,
            Instant openedAt,
            UUID screeningId,
            String circumstances,
            int version,
            CaseStatus status,
            Stage stage,
            AgeCategory ageCategory,
            DueKind nextDueKind,
            LocalDate nextDueOn,
            LocalDate recoveryStartsOn,
            LocalDate recoveryEndsOn,
            boolean protectionFromRemoval,
            TraffickingProfile profile,
            ClosureReason closureReason,
            Instant closedAt,
            Instant updatedAt,
            List<Consent> consents,
            List<Decision> decisions,
            List<Review> reviews,
            List<TimelineEvent> events,
            List<GuardianAppointment> guardians,
            List<BestInterestsAssessment> bestInterests,
            List<AgeAssessment> ageAssessments) {
        this.id = id;
        this.reference = reference;
        this.personId = personId;
        this.referringOrganisationId = referringOrganisationId;
        this.referredBy = referredBy;
        this.referredOn = referredOn;
        this.openedAt = openedAt;
        this.screeningId = screeningId;
        this.circumstances = circumstances;
        this.version = version;
        this.status = status;
        this.stage = stage;
        this.ageCategory = ageCategory;
        this.nextDueKind = nextDueKind;
        this.nextDueOn = nextDueOn;
        this.recoveryStartsOn = recoveryStartsOn;
        this.recoveryEndsOn = recoveryEndsOn;
        this.protectionFromRemoval = protectionFromRemoval;
        this.profile = profile == null ? TraffickingProfile.empty() : profile;
        this.closureReason = closureReason;
        this.closedAt = closedAt;
        this.updatedAt = updatedAt;
        this.consents = new Consents(consents);
        this.history = new DecisionHistory(decisions, reviews);
        this.events = new ArrayList<>(events);
        this.guardians = new ArrayList<>(guardians);
        this.bestInterests = new ArrayList<>(bestInterests);
        this.ageAssessments = new ArrayList<>(ageAssessments);
    }

    /**
     * Opens a case for a referral. A child (or a person whose age is in doubt) needs the guardian appointed and
     * no consent; an adult needs consent to assistance.
     */
    static Case open(
            CaseId id,
            String reference,
            UUID personId,
            OpenCase request,
            AgeCategory ageCategory,
            UUID referringOrganisationId,
            UUID referredBy,
            LocalDate today,
            Instant now,
            LocalDate preliminaryDueOn) {
        if (ageCategory.childrensProcedure() && request.guardianAccountId() == null) {
            throw new GuardianMissing();
        }
        boolean assistanceConsent = request.consents().stream()
                .anyMatch(consent -> consent.purpose() == ConsentPurpose.ASSISTANCE && consent.given());
        if (!ageCategory.childrensProcedure() && !assistanceConsent) {
            throw ConsentMissing.forAssistance();
        }
        var opened = new Case(
                id,
                reference,
                personId,
                referringOrganisationId,
                referredBy,
                today,
                now,
                request.screeningId(),
                blankToNull(within(request.circumstances(), TEXT_LIMIT, "caseRule.textTooLong")),
                0,
                CaseStatus.OPEN,
                Stage.REFERRED,
                ageCategory,
                DueKind.PRELIMINARY_DECISION,
                preliminaryDueOn,
                null,
                null,
                false,
                request.profile(),
                null,
                null,
                now,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        var profile = request.profile();
        opened.domainEvents.add(new CaseOpened(
                id,
                personId,
                referringOrganisationId,
                ageCategory,
                profile.exploitationForms(),
                YearMonth.from(today),
                request.person().gender(),
                request.ageInDoubt() ? null : AgeGroup.ofAge(request.person().ageOn(today)),
                request.person().citizenships(),
                profile.methodsOfControl(),
                profile.sectors(),
                profile.recruiterRelationship(),
                profile.exploitationCountries(),
                profile.vulnerabilities().stream()
                        .map(Vulnerability::name)
                        .collect(java.util.stream.Collectors.toSet()),
                profile.recruitmentMethods(),
                profile.recruitmentPlatforms(),
                request.consents().stream()
                        .anyMatch(consent -> consent.purpose() == ConsentPurpose.STATISTICS && consent.given())));
        for (var statement : request.consents()) {
            opened.record(statement, referredBy, now);
        }
        for (var event : request.events()) {
            opened.addEvent(event, referredBy, today, now);
        }
        if (request.guardianAccountId() != null) {
            opened.appointGuardian(request.guardianAccountId(), referredBy, now);
        }
        return opened;
    }

    // --- identification decisions

    /**
     * Whether a decision of this kind is the next step of the procedure on this open case: what the case page offers.
     * The same order that {@link #decidePreliminary} and {@link #decideFormal} enforce.
     */
    public boolean awaitsDecision(DecisionKind kind) {
        return status == CaseStatus.OPEN && history.outOfOrder(kind).isEmpty();
    }

    private void requireInOrder(DecisionKind kind) {
        var refusal = history.outOfOrder(kind);
        if (refusal.isPresent()) {
            throw refusal.get().get();
        }
    }

    /** The reasonable-grounds decision: once per case (a negative one can be reviewed instead). */
    Decision decidePreliminary(
            DecisionOutcome outcome,
            LocalDate decidedOn,
            UUID decidedBy,
            UUID organisationId,
            String reasons,
            String evidence,
            LocalDate today,
            Instant now,
            int recoveryPeriodDays) {
        requireOpen();
        requireKind(outcome, DecisionKind.PRELIMINARY);
        requireInOrder(DecisionKind.PRELIMINARY);
        requireDecisionDate(decidedOn, today);
        return take(outcome, decidedOn, decidedBy, organisationId, reasons, evidence, null, now, recoveryPeriodDays);
    }

    /** The conclusive decision: after a positive preliminary decision, once per case. */
    Decision decideFormal(
            DecisionOutcome outcome,
            LocalDate decidedOn,
            UUID decidedBy,
            UUID organisationId,
            String reasons,
            String evidence,
            LocalDate today,
            Instant now,
            int minimumDaysBeforeFormal) {
        requireOpen();
        requireKind(outcome, DecisionKind.FORMAL);
        requireInOrder(DecisionKind.FORMAL);
        var preliminary = history.current(DecisionKind.PRELIMINARY).orElseThrow();
        requireDecisionDate(decidedOn, today);
        if (decidedOn.isBefore(preliminary.decidedOn())) {
            throw new CaseRuleViolation(
                    "caseRule.formalBeforePreliminaryDate",
                    "A formal decision cannot be dated before the preliminary decision.");
        }
        if (decidedOn.isBefore(preliminary.decidedOn().plusDays(minimumDaysBeforeFormal))) {
            // the recovery and reflection period is for the person, not a formality before a quick conclusion
            throw new CaseRuleViolation(
                    "caseRule.formalTooEarly",
                    "A formal decision can be taken only once the minimum period after the preliminary decision has"
                            + " passed (from " + preliminary.decidedOn().plusDays(minimumDaysBeforeFormal) + ").");
        }
        return take(outcome, decidedOn, decidedBy, organisationId, reasons, evidence, null, now, 0);
    }

    /**
     * A multi-agency panel reviews a negative decision: upheld, it stands; reconsidered, a positive decision of
     * the same kind replaces it (with the same effects as if it had been positive from the start), and both stay
     * in the history.
     */
    Review review(
            UUID decisionId,
            ReviewOutcome outcome,
            LocalDate reviewedOn,
            UUID panelOrganisationId,
            String reasons,
            UUID reviewedBy,
            LocalDate today,
            Instant now,
            int recoveryPeriodDays,
            ReviewSeparation separation) {
        requireOpen();
        var decision = history.decision(decisionId);
        if (decision.outcome().positive()) {
            throw DecisionOutOfOrder.reviewOfPositive();
        }
        if (!separation.allows(decision, reviewedBy, panelOrganisationId)) {
            throw new CaseRuleViolation(
                    separation == ReviewSeparation.PERSON
                            ? "caseRule.reviewBySamePerson"
                            : "caseRule.reviewBySameOrganisation",
                    "A decision is reviewed by someone other than its decision-maker"
                            + (separation == ReviewSeparation.ORGANISATION ? ", of another organisation." : "."));
        }
        if (history.reviewOf(decision).isPresent()) {
            throw DecisionOutOfOrder.reviewedTwice();
        }
        if (history.replaced(decision)) {
            throw DecisionOutOfOrder.reviewOfReplaced();
        }
        requireDecisionDate(reviewedOn, today);
        if (reviewedOn.isBefore(decision.decidedOn())) {
            throw new CaseRuleViolation(
                    "caseRule.reviewBeforeDecision", "A review cannot be dated before the decision it reviews.");
        }
        requireText(reasons);
        within(reasons, TEXT_LIMIT, "decision.text.size");
        var review = new Review(
                UUID.randomUUID(),
                decisionId,
                panelOrganisationId,
                outcome,
                reviewedOn,
                reasons.strip(),
                now,
                reviewedBy);
        history.add(review);
        domainEvents.add(
                new DecisionReviewed(id, decisionId, outcome, panelOrganisationId, YearMonth.from(reviewedOn)));
        if (outcome == ReviewOutcome.RECONSIDERED) {
            take(
                    decision.outcome().reconsidered(),
                    reviewedOn,
                    reviewedBy,
                    panelOrganisationId,
                    reasons,
                    null,
                    decisionId,
                    now,
                    recoveryPeriodDays);
        }
        touch(now);
        return review;
    }

    private Decision take(
            DecisionOutcome outcome,
            LocalDate decidedOn,
            UUID decidedBy,
            UUID organisationId,
            String reasons,
            String evidence,
            UUID reconsiders,
            Instant now,
            int recoveryPeriodDays) {
        requireText(reasons);
        within(reasons, TEXT_LIMIT, "decision.text.size");
        within(evidence, TEXT_LIMIT, "decision.text.size");
        boolean startsRecovery = outcome == DecisionOutcome.PRESUMED_VICTIM;
        var decision = new Decision(
                UUID.randomUUID(),
                outcome.kind(),
                outcome,
                decidedOn,
                now,
                decidedBy,
                organisationId,
                reasons.strip(),
                blankToNull(evidence),
                reconsiders,
                startsRecovery ? recoveryPeriodDays : null,
                startsRecovery);
        history.add(decision);
        switch (outcome) {
            case PRESUMED_VICTIM -> {
                stage = Stage.RECOVERY_PERIOD;
                recoveryStartsOn = decidedOn;
                // at least the days configured, counted from the day after the decision (CoE Convention Art. 13)
                recoveryEndsOn = decidedOn.plusDays(recoveryPeriodDays);
                protectionFromRemoval = true;
                nextDueKind = DueKind.FORMAL_DECISION;
                nextDueOn = recoveryEndsOn;
            }
            case NOT_PRESUMED -> {
                stage = Stage.PRELIMINARY_DECISION;
                nextDueKind = null;
                nextDueOn = null;
            }
            case IDENTIFIED -> {
                stage = stage == Stage.IN_ASSISTANCE ? Stage.IN_ASSISTANCE : Stage.FORMAL_DECISION;
                nextDueKind = null;
                nextDueOn = null;
            }
            case NOT_IDENTIFIED -> {
                stage = Stage.FORMAL_DECISION;
                nextDueKind = null;
                nextDueOn = null;
            }
        }
        domainEvents.add(new IdentificationDecided(
                id,
                decision.id(),
                decision.kind(),
                outcome,
                YearMonth.from(decidedOn),
                organisationId,
                reconsiders,
                startsRecovery,
                decidedOn.isBefore(referredOn) ? null : (int) ChronoUnit.DAYS.between(referredOn, decidedOn),
                ageCategory,
                referringOrganisationId));
        if (startsRecovery) {
            domainEvents.add(new RecoveryPeriodGranted(id, YearMonth.from(decidedOn), recoveryPeriodDays, ageCategory));
        }
        touch(now);
        return decision;
    }

    /** The decision of a kind that stands now: the latest one, as a reconsideration replaces the one before. */
    public Optional<Decision> current(DecisionKind kind) {
        return history.current(kind);
    }

    /** Whether a later decision replaced this one after a review. */
    public boolean replaced(Decision decision) {
        return history.replaced(decision);
    }

    public Optional<Review> reviewOf(Decision decision) {
        return history.reviewOf(decision);
    }

    /** Whether a panel may review this decision now. */
    public boolean reviewable(Decision decision) {
        return status == CaseStatus.OPEN && history.reviewable(decision);
    }

    // --- assistance and closure

    /** Assistance starts for a presumed victim (recovery period) or an identified one. */
    void startAssistance(Instant now) {
        requireOpen();
        boolean identified = current(DecisionKind.FORMAL)
                .map(decision -> decision.outcome() == DecisionOutcome.IDENTIFIED)
                .orElse(false);
        if (!(stage == Stage.RECOVERY_PERIOD || (stage == Stage.FORMAL_DECISION && identified))) {
            throw new CaseRuleViolation(
                    "caseRule.assistanceNeedsPositiveDecision",
                    "Assistance is recorded for a presumed or identified victim who is not yet in assistance.");
        }
        stage = Stage.IN_ASSISTANCE;
        domainEvents.add(new AssistanceStarted(id, EventMonth.of(now)));
        touch(now);
    }

    void close(ClosureReason reason, Instant now) {
        requireOpen();
        if (reason == null) {
            throw new CaseRuleViolation("caseRule.closureReason", "A case is closed with a reason.");
        }
        status = CaseStatus.CLOSED;
        closureReason = reason;
        closedAt = now;
        nextDueKind = null;
        nextDueOn = null;
        domainEvents.add(new CaseClosed(id, reason, stage, EventMonth.of(now)));
        touch(now);
    }

    /**
     * Reopens a closed case, for a reason the person reopening it gives: the closure reason and date are cleared,
     * the stage where the case stood is kept.
     */
    Reopening reopen(String reason, UUID by, Instant now) {
        if (status != CaseStatus.CLOSED) {
            throw new CaseRuleViolation("caseRule.notClosed", "Only a closed case can be reopened.");
        }
        if (reason == null || reason.isBlank()) {
            throw new CaseRuleViolation("caseRule.reopenReason", "A case is reopened with a reason.");
        }
        within(reason, SHORT_TEXT_LIMIT, "caseRule.textTooLong");
        status = CaseStatus.OPEN;
        closureReason = null;
        closedAt = null;
        domainEvents.add(new CaseReopened(id, EventMonth.of(now)));
        touch(now);
        return new Reopening(reason.strip(), by, now);
    }

    /** A reopening with the reason given: kept with the case file, never in the event that leaves it. */
    record Reopening(String reason, UUID by, Instant at) {}

    // --- consent

    void giveConsent(ConsentStatement statement, UUID by, Instant now) {
        requireOpen();
        if (statement.given() && consents.inForce(statement.purpose(), statement.organisationId())) {
            throw new CaseRuleViolation("caseRule.consentAlreadyGiven", "This consent is already in force.");
        }
        record(statement, by, now);
        touch(now);
    }

    private void record(ConsentStatement statement, UUID by, Instant now) {
        consents.add(new Consent(
                UUID.randomUUID(),
                statement.purpose(),
                statement.organisationId(),
                statement.given(),
                ageCategory.childrensProcedure(),
                now,
                by,
                null,
                null));
        if (statement.given()) {
            domainEvents.add(new ConsentGiven(id, statement.purpose(), statement.organisationId(), EventMonth.of(now)));
        }
    }

    /**
     * Withdraws the consent in force for a purpose (for sharing: with that organisation; without one, with every
     * organisation). Sharing stops at once: {@link #sharingAllowedWith} answers no from now on.
     */
    List<Consent> withdrawConsent(ConsentPurpose purpose, UUID organisationId, UUID by, Instant now) {
        requireOpen();
        var withdrawn = consents.withdraw(purpose, organisationId, by, now);
        if (withdrawn.isEmpty()) {
            throw ConsentMissing.notInForce();
        }
        withdrawn.forEach(consent ->
                domainEvents.add(new ConsentWithdrawn(id, purpose, consent.organisationId(), EventMonth.of(now))));
        touch(now);
        return withdrawn;
    }

    /**
     * Withdraws one consent in force, named by its id: as {@link #withdrawConsent(ConsentPurpose, UUID, UUID,
     * Instant)} for its purpose and organisation. A consent not in force (or not of this case) is refused.
     */
    List<Consent> withdrawConsent(UUID consentId, UUID by, Instant now) {
        var consent = consents.inForce(consentId).orElseThrow(ConsentMissing::notInForce);
        return withdrawConsent(consent.purpose(), consent.organisationId(), by, now);
    }

    /** Whether case data may be shared with an organisation now: only with consent in force for it. */
    public boolean sharingAllowedWith(UUID organisationId) {
        return status == CaseStatus.OPEN && consents.sharingAllowedWith(organisationId);
    }

    public boolean consentInForce(ConsentPurpose purpose) {
        return consents.inForce(purpose);
    }

    // --- children

    void appointGuardian(UUID guardianAccountId, UUID by, Instant now) {
        requireOpen();
        if (!ageCategory.childrensProcedure()) {
            throw new CaseRuleViolation(
                    "caseRule.guardianForChildren",
                    "A guardian is appointed for a child or for a person whose age is in doubt.");
        }
        if (guardianAccountId == null) {
            throw new GuardianMissing();
        }
        guardians.add(new GuardianAppointment(UUID.randomUUID(), guardianAccountId, now, by));
        domainEvents.add(new GuardianAppointed(id, EventMonth.of(now)));
        touch(now);
    }

    public Optional<GuardianAppointment> guardian() {
        return guardians.stream().max(Comparator.comparing(GuardianAppointment::appointedAt));
    }

    void recordBestInterests(LocalDate assessedOn, String summary, UUID by, LocalDate today, Instant now) {
        requireOpen();
        if (!ageCategory.childrensProcedure()) {
            throw new CaseRuleViolation(
                    "caseRule.bestInterestsForChildren", "A best-interests assessment is recorded for a child.");
        }
        requireNotFuture(assessedOn, today);
        requireText(summary);
        within(summary, TEXT_LIMIT, "decision.text.size");
        bestInterests.add(new BestInterestsAssessment(UUID.randomUUID(), assessedOn, summary.strip(), now, by));
        touch(now);
    }

    /** Settles a doubt about age: a child stays in the children's procedure, an adult leaves it. */
    void recordAgeAssessment(AgeCategory outcome, LocalDate assessedOn, UUID by, LocalDate today, Instant now) {
        requireOpen();
        if (outcome == null || outcome == AgeCategory.AGE_IN_DOUBT) {
            throw new CaseRuleViolation("caseRule.ageAssessmentOutcome", "An age assessment concludes child or adult.");
        }
        requireNotFuture(assessedOn, today);
        ageAssessments.add(new AgeAssessment(UUID.randomUUID(), outcome, assessedOn, now, by));
        ageCategory = outcome;
        domainEvents.add(new AgeAssessed(id, outcome, YearMonth.from(assessedOn)));
        touch(now);
    }

    // --- profile

    void addEvent(EventEntry entry, UUID by, LocalDate today, Instant now) {
        requireOpen();
        if (entry.type() == null || entry.occurredOn() == null) {
            throw new CaseRuleViolation("caseRule.eventIncomplete", "An event needs its type and its date.");
        }
        if (entry.occurredOn().isAfter(today)) {
            throw new EventDateInFuture();
        }
        within(entry.description(), SHORT_TEXT_LIMIT, "referral.eventDescription.size");
        events.add(new TimelineEvent(
                UUID.randomUUID(),
                entry.type(),
                entry.occurredOn(),
                blankToNull(entry.country()),
                blankToNull(entry.description()),
                now,
                by));
        touch(now);
    }

    /** Changes the profile; a change that changes something is announced (statistics counts the new codes). */
    void changeProfile(TraffickingProfile changed, Instant now) {
        requireOpen();
        var before = profile;
        profile = changed == null ? TraffickingProfile.empty() : changed;
        if (!profile.equals(before)) {
            domainEvents.add(new ProfileChanged(
                    id,
                    EventMonth.of(now),
                    profile.exploitationForms(),
                    profile.methodsOfControl(),
                    profile.sectors(),
                    profile.recruiterRelationship(),
                    profile.exploitationCountries(),
                    vulnerabilityNames(profile),
                    profile.recruitmentMethods(),
                    profile.recruitmentPlatforms()));
        }
        touch(now);
    }

    private static java.util.Set<String> vulnerabilityNames(TraffickingProfile profile) {
        return profile.vulnerabilities().stream()
                .map(Vulnerability::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    // --- rules

    private void requireOpen() {
        if (status != CaseStatus.OPEN) {
            throw new CaseNotOpen();
        }
    }

    private static void requireKind(DecisionOutcome outcome, DecisionKind kind) {
        if (outcome == null || outcome.kind() != kind) {
            throw new CaseRuleViolation(
                    "caseRule.outcomeOfKind",
                    "Choose an outcome of the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " decision.");
        }
    }

    private void requireDecisionDate(LocalDate decidedOn, LocalDate today) {
        if (decidedOn == null) {
            throw new CaseRuleViolation("caseRule.decisionDate", "A decision needs the date it was taken.");
        }
        if (decidedOn.isAfter(today)) {
            throw DecisionOutOfOrder.dateInFuture();
        }
        if (decidedOn.isBefore(referredOn)) {
            throw DecisionOutOfOrder.dateBeforeReferral();
        }
    }

    private static void requireNotFuture(LocalDate day, LocalDate today) {
        if (day == null) {
            throw new CaseRuleViolation("caseRule.dateMissing", "Give the date.");
        }
        if (day.isAfter(today)) {
            throw new CaseRuleViolation("caseRule.dateInFuture", "The date cannot be in the future.");
        }
    }

    /** The text as given, when it is no longer than the limit; refused with the message key otherwise. */
    private static String within(String text, int limit, String messageKey) {
        if (text != null && text.length() > limit) {
            throw new CaseRuleViolation(
                    messageKey, "A text is longer than allowed (at most " + limit + " characters).");
        }
        return text;
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new CaseRuleViolation("caseRule.reasonsMissing", "Give the reasons.");
        }
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    List<Object> domainEvents() {
        return List.copyOf(domainEvents);
    }

    void clearDomainEvents() {
        domainEvents.clear();
    }

    // --- reading

    public CaseId id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    UUID personId() {
        return personId;
    }

    public UUID referringOrganisationId() {
        return referringOrganisationId;
    }

    public UUID referredBy() {
        return referredBy;
    }

    public LocalDate referredOn() {
        return referredOn;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public UUID screeningId() {
        return screeningId;
    }

    public String circumstances() {
        return circumstances;
    }

    public int version() {
        return version;
    }

    public CaseStatus status() {
        return status;
    }

    public Stage stage() {
        return stage;
    }

    public AgeCategory ageCategory() {
        return ageCategory;
    }

    public DueKind nextDueKind() {
        return nextDueKind;
    }

    public LocalDate nextDueOn() {
        return nextDueOn;
    }

    public LocalDate recoveryStartsOn() {
        return recoveryStartsOn;
    }

    public LocalDate recoveryEndsOn() {
        return recoveryEndsOn;
    }

    public boolean protectionFromRemoval() {
        return protectionFromRemoval;
    }

    public TraffickingProfile profile() {
        return profile;
    }

    public ClosureReason closureReason() {
        return closureReason;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<Consent> consents() {
        return consents.all();
    }

    /** Every decision, oldest first. */
    public List<Decision> decisions() {
        return history.decisions();
    }

    public List<Review> reviews() {
        return history.reviews();
    }

    public List<TimelineEvent> events() {
        return events.stream()
                .sorted(Comparator.comparing(TimelineEvent::occurredOn))
                .toList();
    }

    public List<GuardianAppointment> guardians() {
        return List.copyOf(guardians);
    }

    public List<BestInterestsAssessment> bestInterests() {
        return List.copyOf(bestInterests);
    }

    public List<AgeAssessment> ageAssessments() {
        return List.copyOf(ageAssessments);
    }

    @Override
    public String toString() {
        return "Case[" + id + ", " + reference + ", " + status + ", " + stage + "]";
    }
}
