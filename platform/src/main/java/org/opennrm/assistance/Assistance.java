package org.opennrm.assistance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.opennrm.assistance.events.DurableSolutionReached;
import org.opennrm.assistance.events.NonPunishmentRecorded;
import org.opennrm.assistance.events.ServiceDelivered;
import org.opennrm.assistance.events.ServiceResultRecorded;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.CaseSummaryLine;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.SurvivorTexts;
import org.opennrm.referrals.ServiceReferrals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistance module's facade. The NRM's case managers assess needs, plan, record services, the
 * non-punishment principle and the closure; service providers record the services they deliver for cases
 * referred to them (an accepted referral with consent in force). Nothing here reads the criminal-justice track or
 * asks whether the person co-operates: help is unconditional. Every view is audited.
 */
@Service
public class Assistance {

    static final String RECORD_TYPE = "assistance";
    /** Residence permits are flagged this many days before they expire, in time to apply for a renewal. */
    static final int PERMIT_REMINDER_DAYS = 60;

    private final AssistanceStore store;
    private final CaseManagement cases;
    private final ServiceReferrals referrals;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SurvivorTexts survivorTexts;

    Assistance(
            AssistanceStore store,
            CaseManagement cases,
            ServiceReferrals referrals,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            SurvivorTexts survivorTexts) {
        this.survivorTexts = survivorTexts;
        this.store = store;
        this.cases = cases;
        this.referrals = referrals;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- reading

    @Transactional
    @PreAuthorize("hasAnyAuthority('cases:read:all','services:record:organisation')")
    public AssistanceFile read(CaseId caseId) {
        var summary = summary(caseId);
        var actor = actor();
        boolean nrm = actor.can(Permission.CASES_READ, Scope.ALL);
        if (!nrm && !referredTo(caseId, actor)) {
            throw new RecordNotFound("case", caseId);
        }
        audit.record(AuditAction.READ, RECORD_TYPE, caseId);
        var services = store.services(caseId);
        var soon = today().plusDays(PERMIT_REMINDER_DAYS);
        return new AssistanceFile(
                summary,
                nrm ? store.needs(caseId) : List.of(),
                store.plan(caseId).orElse(null),
                services,
                nrm ? store.nonPunishment(caseId) : null,
                nrm ? store.closures(caseId) : List.of(),
                services.stream()
                        .filter(service -> service.expiresOn() != null
                                && !service.expiresOn().isAfter(soon))
                        .toList(),
                actor.can(Permission.CASES_WRITE, Scope.ALL));
    }

    /** Residence permits expiring within {@link #PERMIT_REMINDER_DAYS} days (or already expired). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<PermitReminder> permitReminders() {
        return store.permitsExpiringBy(today().plusDays(PERMIT_REMINDER_DAYS));
    }

    // --- needs and plan

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void assess(CaseId caseId, NeedForm form) {
        requireOpen(caseId);
        if (form.area() == null || form.level() == null) {
            throw new AssistanceRuleViolation("assist.needIncomplete", "Choose the area and the level of the need.");
        }
        store.saveNeed(
                caseId, new Need(form.area(), form.level(), text(form.note(), 2000), today()), actor().accountId());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, caseId, "need=" + form.area() + " " + form.level());
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public UUID openPlan(CaseId caseId) {
        requireOpen(caseId);
        if (store.plan(caseId).map(AssistancePlan::open).orElse(false)) {
            throw new AssistanceRuleViolation("assist.planAlreadyOpen", "The case already has an open plan.");
        }
        var id = UUID.randomUUID();
        store.insertPlan(id, caseId, now());
        audit.record(AuditAction.CREATE, RECORD_TYPE, caseId, "plan opened");
        return id;
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void addToPlan(CaseId caseId, PlanItemForm form) {
        requireOpen(caseId);
        var plan = openPlanOf(caseId);
        if (form.kind() == null || form.text() == null || form.text().isBlank()) {
            throw new AssistanceRuleViolation(
                    "assist.itemIncomplete", "Say whether it is a goal or an action, and what.");
        }
        store.insertItem(plan.id(), new PlanItem(UUID.randomUUID(), form.kind(), text(form.text(), 2000), now()));
        audit.record(AuditAction.UPDATE, RECORD_TYPE, caseId, "plan " + form.kind());
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void closePlan(CaseId caseId) {
        var plan = openPlanOf(caseId);
        store.closePlan(plan.id(), now());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, caseId, "plan closed");
    }

    // --- services

    /**
     * Records a service delivered against the open plan, for the actor's organisation. A service provider may do
     * so only for a case referred to it (accepted, consent in force).
     */
    @Transactional
    @PreAuthorize("hasAnyAuthority('cases:write:all','services:record:organisation')")
    public DeliveredService recordService(CaseId caseId, ServiceForm form) {
        var summary = summary(caseId);
        var actor = actor();
        if (!actor.can(Permission.CASES_WRITE, Scope.ALL) && !referredTo(caseId, actor)) {
            throw new RecordNotFound("case", caseId);
        }
        if (summary.status() != CaseStatus.OPEN) {
            throw new AssistanceRuleViolation(
                    "assist.caseClosed", "The case is closed: reopen it to record assistance.");
        }
        var type = typeOf(form.type());
        if (form.startedOn() == null) {
            throw new AssistanceRuleViolation("assist.startMissing", "Give the date the service started.", "startedOn");
        }
        if (form.endedOn() != null && form.endedOn().isBefore(form.startedOn())) {
            throw new AssistanceRuleViolation(
                    "assist.endBeforeStart", "A service cannot end before it starts.", "endedOn");
        }
        var result = resultOf(type, form.result(), form.expiresOn());
        if (result == ServiceResult.GRANTED && form.expiresOn() == null) {
            throw new AssistanceRuleViolation(
                    "assist.expiryMissing", "A residence permit is recorded with its expiry date.", "expiresOn");
        }
        if (result == ServiceResult.GRANTED && form.expiresOn().isBefore(form.startedOn())) {
            throw new AssistanceRuleViolation(
                    "assist.expiryBeforeStart", "A permit cannot expire before it starts.", "expiresOn");
        }
        var plan = store.plan(caseId)
                .orElseThrow(() -> new AssistanceRuleViolation(
                        "assist.noPlan", "Open an assistance plan before recording services."));
        if (!plan.open()) {
            throw new AssistanceRuleViolation(
                    "assist.planClosed", "The assistance plan is closed: services are recorded against an open plan.");
        }
        var service = new DeliveredService(
                UUID.randomUUID(),
                plan.id(),
                type,
                actor.organisationId(),
                form.startedOn(),
                form.endedOn(),
                text(form.outcome(), 2000),
                result == ServiceResult.GRANTED ? form.expiresOn() : null,
                result);
        store.insertService(caseId, service, now(), actor.accountId());
        audit.record(AuditAction.CREATE, RECORD_TYPE, caseId, "service=" + type + (result == null ? "" : " " + result));
        events.publishEvent(new ServiceDelivered(caseId, type, YearMonth.from(service.startedOn()), result));
        return service;
    }

    /**
     * Records the decision on a residence permit applied for or compensation claimed: granted (a permit with its
     * expiry date), awarded or refused. Only a pending application or claim can be decided, once; the decision is
     * counted in the month it was taken.
     */
    @Transactional
    @PreAuthorize("hasAnyAuthority('cases:write:all','services:record:organisation')")
    public DeliveredService recordResult(CaseId caseId, UUID serviceId, ResultForm form) {
        var summary = summary(caseId);
        var actor = actor();
        if (!actor.can(Permission.CASES_WRITE, Scope.ALL) && !referredTo(caseId, actor)) {
            throw new RecordNotFound("case", caseId);
        }
        var service = store.services(caseId).stream()
                .filter(candidate -> candidate.id().equals(serviceId))
                .findFirst()
                .orElseThrow(() -> new RecordNotFound("service", serviceId));
        if (summary.status() != CaseStatus.OPEN) {
            throw new AssistanceRuleViolation(
                    "assist.caseClosed", "The case is closed: reopen it to record assistance.");
        }
        if (service.result() == null || !service.result().pending()) {
            throw new AssistanceRuleViolation(
                    "assist.result.notPending", "Only a permit applied for or a claim made waits for a decision.");
        }
        ServiceResult result;
        try {
            result = form.result() == null || form.result().isBlank()
                    ? null
                    : ServiceResult.valueOf(form.result().strip());
        } catch (IllegalArgumentException unknown) {
            result = null;
        }
        if (result == null || !service.result().decisions().contains(result)) {
            throw new AssistanceRuleViolation("assist.result.choose", "Choose the decision.", "result");
        }
        if (form.decidedOn() == null) {
            throw new AssistanceRuleViolation(
                    "assist.result.dateMissing", "Give the date of the decision.", "decidedOn");
        }
        if (form.decidedOn().isAfter(today()) || form.decidedOn().isBefore(service.startedOn())) {
            throw new AssistanceRuleViolation(
                    "assist.result.dateOutside",
                    "The decision is dated between the application and today.",
                    "decidedOn");
        }
        LocalDate expires = null;
        if (result == ServiceResult.GRANTED) {
            if (form.expiresOn() == null) {
                throw new AssistanceRuleViolation(
                        "assist.expiryMissing", "A residence permit is recorded with its expiry date.", "expiresOn");
            }
            if (form.expiresOn().isBefore(form.decidedOn())) {
                throw new AssistanceRuleViolation(
                        "assist.expiryBeforeStart", "A permit cannot expire before it starts.", "expiresOn");
            }
            expires = form.expiresOn();
        }
        if (!store.decideService(serviceId, service.result(), result, expires)) {
            throw new AssistanceRuleViolation(
                    "assist.result.notPending", "Only a permit applied for or a claim made waits for a decision.");
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, caseId, "service=" + service.type() + " " + result);
        events.publishEvent(
                new ServiceResultRecorded(caseId, service.type(), result, YearMonth.from(form.decidedOn())));
        return new DeliveredService(
                service.id(),
                service.planId(),
                service.type(),
                service.providerOrganisationId(),
                service.startedOn(),
                service.endedOn(),
                service.outcome(),
                expires,
                result);
    }

    /**
     * The result of a new service: asked for permits, compensation claims and safe returns, refused for other
     * services. A permit recorded with its expiry date and no result is a permit granted (as permits were recorded
     * before results were asked), and a compensation claim with no result is a claim made.
     */
    private static ServiceResult resultOf(ServiceType type, String word, LocalDate expiresOn) {
        var allowed = ServiceResult.of(type);
        if (word == null || word.isBlank()) {
            if (type.residencePermit()) {
                if (expiresOn != null) {
                    return ServiceResult.GRANTED;
                }
                throw new AssistanceRuleViolation(
                        "assist.result.permit",
                        "Say whether the permit was applied for, granted or refused.",
                        "result");
            }
            if (allowed.contains(ServiceResult.CLAIMED)) {
                return ServiceResult.CLAIMED;
            }
            if (!allowed.isEmpty()) {
                throw new AssistanceRuleViolation(
                        "assist.result.return", "Say whether the risks of the return were assessed.", "result");
            }
            return null;
        }
        ServiceResult result;
        try {
            result = ServiceResult.valueOf(word.strip());
        } catch (IllegalArgumentException unknown) {
            result = null;
        }
        if (result == null || !allowed.contains(result)) {
            throw new AssistanceRuleViolation(
                    "assist.result.notForType", "This result does not belong to this type of service.", "result");
        }
        return result;
    }

    // --- non-punishment

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void recordNonPunishment(CaseId caseId, NonPunishmentForm form) {
        summary(caseId);
        if (form.offence() == null || form.offence().isBlank()) {
            throw new AssistanceRuleViolation(
                    "assist.offenceMissing", "Name the offence the principle applies to.", "offence");
        }
        var record = new NonPunishment(
                UUID.randomUUID(), text(form.offence(), 500), form.directResult(), text(form.note(), 2000), today());
        store.insertNonPunishment(caseId, record, actor().accountId());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, caseId, "non-punishment recorded");
        events.publishEvent(new NonPunishmentRecorded(
                caseId, record.directResultOfTrafficking(), YearMonth.from(record.recordedOn())));
    }

    // --- closure

    /**
     * Closes the case with a durable solution, the reason and the person's optional feedback; the open plan
     * closes with it.
     */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public Closure close(CaseId caseId, ClosureForm form) {
        requireOpen(caseId);
        if (form.solution() == null) {
            throw new AssistanceRuleViolation("assist.solutionMissing", "Choose the durable solution.");
        }
        if (form.reason() == null || form.reason().isBlank()) {
            throw new AssistanceRuleViolation("assist.closureReasonMissing", "Give the reason for closing the case.");
        }
        var answers = form.answers();
        String language = null;
        if (!answers.isEmpty()) {
            language = form.feedbackLanguage() == null
                    ? null
                    : form.feedbackLanguage().strip().toLowerCase(Locale.ROOT);
            if (language == null || !survivorTexts.offers(language)) {
                throw new AssistanceRuleViolation(
                        "assist.feedbackLanguage", "Say in which language the person gave the feedback.");
            }
        }
        store.plan(caseId).filter(AssistancePlan::open).ifPresent(plan -> store.closePlan(plan.id(), now()));
        var closure =
                new Closure(UUID.randomUUID(), form.solution(), text(form.reason(), 2000), language, answers, now());
        store.insertClosure(caseId, closure, actor().accountId());
        cases.close(caseId, null, ClosureReason.DURABLE_SOLUTION);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, caseId, "closed=" + form.solution());
        events.publishEvent(new DurableSolutionReached(
                caseId, form.solution(), YearMonth.from(closure.closedAt().atZone(clock.getZone()))));
        return closure;
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void reopen(CaseId caseId, String reason) {
        summary(caseId);
        cases.reopen(caseId, null, reason);
    }

    // --- helpers

    private boolean referredTo(CaseId caseId, Actor actor) {
        return actor.can(Permission.SERVICES_RECORD, Scope.ORGANISATION)
                && referrals.acceptedFor(caseId, actor.organisationId());
    }

    private static ServiceType typeOf(String word) {
        if (word == null || word.isBlank()) {
            throw new AssistanceRuleViolation("assist.serviceTypeMissing", "Choose the type of service.", "type");
        }
        try {
            return ServiceType.valueOf(word.strip());
        } catch (IllegalArgumentException e) {
            throw new AssistanceRuleViolation(
                    "assist.serviceTypeUnknown", "This type of service is not in the catalogue.", "type");
        }
    }

    private AssistancePlan openPlanOf(CaseId caseId) {
        return store.plan(caseId)
                .filter(AssistancePlan::open)
                .orElseThrow(() -> new AssistanceRuleViolation("assist.noPlan", "Open an assistance plan first."));
    }

    private CaseSummaryLine summary(CaseId caseId) {
        return cases.summary(caseId).orElseThrow(() -> new RecordNotFound("case", caseId));
    }

    private void requireOpen(CaseId caseId) {
        if (summary(caseId).status() != CaseStatus.OPEN) {
            throw new AssistanceRuleViolation(
                    "assist.caseClosed", "The case is closed: reopen it to record assistance.");
        }
    }

    private static String text(String text, int maximum) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > maximum) {
            throw new AssistanceRuleViolation("assist.textTooLong", "A text is longer than allowed.");
        }
        return text.strip();
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
