package org.opennrm.monitoring.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of recommendations made to the country, linked to the action plans' measures that answer them. The
 * rapporteur and the co-ordinator ({@code plan:recommend:all}) register and link; the co-ordinator
 * ({@code plan:manage:all}) records the government's response; every reader of the plan sees the register and the
 * evaluator's view of what was done since a date.
 */
@Service
public class Recommendations {

    static final String RECOMMEND = "hasAuthority('plan:recommend:all')";
    private static final int RESPONSE_LENGTH = 10000;

    private final RecommendationStore store;
    private final PlanStore plans;
    private final AuditTrail audit;
    private final Clock clock;

    Recommendations(RecommendationStore store, PlanStore plans, AuditTrail audit, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(RECOMMEND)
    public Recommendation register(RecommendationDetails details) {
        var checked = Recommendation.checked(details, LocalDate.now(clock));
        var recommendation = new Recommendation(
                UUID.randomUUID(),
                checked.source(),
                checked.reference(),
                checked.issuedOn(),
                checked.text(),
                null,
                Implementation.NOT_ASSESSED,
                0,
                clock.instant());
        store.insert(recommendation);
        audit.record(
                AuditAction.CREATE,
                "plan-recommendation",
                recommendation.id(),
                checked.source().name());
        return recommendation;
    }

    /** Links a measure of any plan as (part of) the answer to a recommendation. */
    @Transactional
    @PreAuthorize(RECOMMEND)
    public void link(UUID recommendationId, UUID measureId) {
        existing(recommendationId);
        if (measureId == null) {
            throw new RuleViolation(
                    "plan.recommendation.link.required", "Choose the measure that answers the recommendation.");
        }
        plans.measure(measureId).orElseThrow(() -> new RecordNotFound("measure", measureId));
        store.link(
                recommendationId,
                measureId,
                clock.instant(),
                Actor.current().map(Actor::username).orElse(null));
        audit.record(AuditAction.UPDATE, "plan-recommendation", recommendationId, "linked measure " + measureId);
    }

    /** Records the government's response and how far the recommendation is implemented, on the version read. */
    @Transactional
    @PreAuthorize(ActionPlans.MANAGE)
    public Recommendation respond(UUID recommendationId, int version, String response, Implementation implementation) {
        existing(recommendationId);
        if (implementation == null) {
            throw new RuleViolation(
                    "plan.recommendation.implementation.required", "Choose how far the recommendation is implemented.");
        }
        String kept = response == null || response.isBlank() ? null : response.strip();
        if (kept != null && kept.length() > RESPONSE_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.recommendation.responseSize",
                    "A response has at most " + RESPONSE_LENGTH + " characters.",
                    RESPONSE_LENGTH);
        }
        store.respond(recommendationId, version, kept, implementation);
        audit.record(AuditAction.UPDATE, "plan-recommendation", recommendationId, "response " + implementation);
        return existing(recommendationId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ActionPlans.READ)
    public List<Recommendation> list(RecommendationSource source) {
        return store.recommendations(source);
    }

    /** A recommendation with its linked measures and all their status reports. */
    @Transactional(readOnly = true)
    @PreAuthorize(ActionPlans.READ)
    public RecommendationRecord find(UUID recommendationId) {
        return record(existing(recommendationId), Instant.MIN);
    }

    /**
     * The evaluator's view: every recommendation (of one source, or all) with its linked measures and the status
     * reports made on them since the start of {@code since}, in the platform's time zone.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ActionPlans.READ)
    public List<RecommendationRecord> since(LocalDate since, RecommendationSource source) {
        if (since == null) {
            throw new RuleViolation(
                    "plan.refused.recommendation.since", "Give the date from which to list what was done.");
        }
        Instant from = since.atStartOfDay(zone()).toInstant();
        return store.recommendations(source).stream()
                .map(recommendation -> record(recommendation, from))
                .toList();
    }

    private RecommendationRecord record(Recommendation recommendation, Instant from) {
        var answers = store.linkedMeasures(recommendation.id()).stream()
                .flatMap(measureId -> plans.measure(measureId).stream())
                .map(measure -> new RecommendationRecord.Answer(
                        measure,
                        plans.plan(measure.planId()).orElseThrow(),
                        plans.history(measure.id()).stream()
                                .filter(change -> !change.changedAt().isBefore(from))
                                .toList()))
                .toList();
        return new RecommendationRecord(recommendation, answers);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private Recommendation existing(UUID recommendationId) {
        return store.recommendation(recommendationId)
                .orElseThrow(() -> new RecordNotFound("recommendation", recommendationId));
    }
}
