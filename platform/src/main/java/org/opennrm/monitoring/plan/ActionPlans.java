package org.opennrm.monitoring.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.organisations.OrganisationMember;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national action plan: the facade through which pages and the API read and change plans, objectives,
 * measures, their status and their budget. The co-ordinator ({@code plan:manage:all}) drafts and changes plans;
 * a lead organisation's staff ({@code plan:update:organisation}) report the status and spending of the measures
 * their organisation leads, and nothing else; the rapporteur ({@code plan:read:all}) reads. Every change is in the
 * audit trail, with ids and codes only.
 */
@Service
public class ActionPlans {

    static final String READ = "hasAnyAuthority('plan:read:all','plan:update:organisation')";
    static final String MANAGE = "hasAuthority('plan:manage:all')";
    static final String UPDATE = "hasAnyAuthority('plan:manage:all','plan:update:organisation')";
    private static final String MANAGES = "plan:manage:all";
    private static final String UPDATES_OWN = "plan:update:organisation";

    private final PlanStore store;
    private final OrganisationRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

    ActionPlans(PlanStore store, OrganisationRegistry registry, AuditTrail audit, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Plan create(PlanDetails details) {
        var checked = Plan.checked(details);
        Instant now = clock.instant();
        var plan = new Plan(
                UUID.randomUUID(),
                checked.title(),
                checked.startsOn(),
                checked.endsOn(),
                checked.evidenceRequired(),
                0,
                now,
                now);
        store.insert(plan);
        audit.record(AuditAction.CREATE, "plan", plan.id());
        return plan;
    }

    /** Changes a plan's title, period or evidence rule, if nobody changed the plan since {@code expectedVersion}. */
    @Transactional
    @PreAuthorize(MANAGE)
    public Plan change(UUID planId, int expectedVersion, PlanDetails details) {
        existingPlan(planId);
        var checked = Plan.checked(details);
        store.update(planId, expectedVersion, checked, clock.instant());
        audit.record(AuditAction.UPDATE, "plan", planId);
        return existingPlan(planId);
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Objective addObjective(UUID planId, Pillar pillar, String title) {
        existingPlan(planId);
        if (pillar == null) {
            throw new RuleViolation("plan.objective.pillar.required", "Choose the pillar the objective belongs to.");
        }
        if (title == null || title.isBlank()) {
            throw new RuleViolation("plan.refused.objective.title", "An objective needs a title.");
        }
        if (title.strip().length() > Objective.TITLE_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.objective.titleSize",
                    "An objective's title has at most " + Objective.TITLE_LENGTH + " characters.",
                    Objective.TITLE_LENGTH);
        }
        var objective = new Objective(UUID.randomUUID(), planId, pillar, title.strip(), 0);
        store.insert(objective);
        store.touch(planId, clock.instant());
        audit.record(AuditAction.CREATE, "plan-objective", objective.id(), "plan " + planId + " " + pillar);
        return objective;
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Measure addMeasure(UUID planId, MeasureDetails details) {
        existingPlan(planId);
        var checked = Measure.checked(details);
        boolean ofThisPlan = store.objectives(planId).stream()
                .anyMatch(objective -> objective.id().equals(checked.objectiveId()));
        if (!ofThisPlan) {
            throw new RuleViolation(
                    "plan.refused.measure.objectiveOfPlan", "A measure belongs to an objective of its own plan.");
        }
        refuseUnknown(checked.leadOrganisation());
        checked.partners().forEach(this::refuseUnknown);
        Instant now = clock.instant();
        var measure = new Measure(
                UUID.randomUUID(),
                planId,
                checked.objectiveId(),
                checked.title(),
                checked.leadOrganisation(),
                checked.partners(),
                checked.startsOn(),
                checked.dueOn(),
                MeasureStatus.NOT_STARTED,
                0,
                now,
                now);
        store.insert(measure);
        store.touch(planId, now);
        audit.record(AuditAction.CREATE, "plan-measure", measure.id(), "plan " + planId);
        return measure;
    }

    /**
     * Changes a measure's objective (within its plan), title, lead organisation, partners and dates, on the version the
     * co-ordinator read (a stale change is refused, nothing overwritten). Its status, history, budget and activities
     * stay; an activity would fall outside the new period is refused at the date that leaves it out.
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public Measure changeMeasure(UUID measureId, int expectedVersion, MeasureDetails details) {
        var measure = existingMeasure(measureId);
        var checked = Measure.checked(details);
        boolean ofThisPlan = store.objectives(measure.planId()).stream()
                .anyMatch(objective -> objective.id().equals(checked.objectiveId()));
        if (!ofThisPlan) {
            throw new RuleViolation(
                    "plan.refused.measure.objectiveOfPlan", "A measure belongs to an objective of its own plan.");
        }
        refuseUnknown(checked.leadOrganisation());
        checked.partners().forEach(this::refuseUnknown);
        for (Activity activity : store.activities(measureId)) {
            if (activity.dueOn().isBefore(checked.startsOn())) {
                throw new DatesOutOfOrder(
                        "startsOn",
                        "plan.refused.measure.activityBeforeStart",
                        "An activity of the measure is due before the new start.");
            }
            if (activity.dueOn().isAfter(checked.dueOn())) {
                throw new DatesOutOfOrder(
                        "dueOn",
                        "plan.refused.measure.activityAfterDue",
                        "An activity of the measure is due after the new due date.");
            }
        }
        Instant now = clock.instant();
        store.nextVersion(measureId, expectedVersion, now);
        store.changeMeasure(measureId, checked);
        store.touch(measure.planId(), now);
        audit.record(AuditAction.UPDATE, "plan-measure", measureId, "details");
        return existingMeasure(measureId);
    }

    /**
     * Reports a measure's status with evidence, by its lead organisation or the co-ordinator, on the version of
     * the measure the person read. The change joins the measure's dated history.
     */
    @Transactional
    @PreAuthorize(UPDATE)
    public Measure report(UUID measureId, StatusUpdate update) {
        var measure = existingMeasure(measureId);
        refuseOutsiders(measure);
        var plan = existingPlan(measure.planId());
        Instant now = clock.instant();
        var change = measure.change(
                update,
                plan.evidenceRequired(),
                now,
                Actor.current().map(Actor::username).orElse(null));
        store.nextVersion(measureId, update.version(), now);
        store.record(change);
        audit.record(AuditAction.UPDATE, "plan-measure", measureId, "status " + change.from() + " to " + change.to());
        return existingMeasure(measureId);
    }

    /**
     * Records the money of a measure for one year and source. The co-ordinator sets planned, allocated and spent;
     * a lead organisation reports spent only, and planned and allocated stay as the co-ordinator set them.
     * Spending above the allocation is accepted and flagged, never refused: the money was spent.
     */
    @Transactional
    @PreAuthorize(UPDATE)
    public BudgetLine budget(UUID measureId, BudgetEntry entry) {
        var measure = existingMeasure(measureId);
        refuseOutsiders(measure);
        var plan = existingPlan(measure.planId());
        if (entry.source() == null) {
            throw new RuleViolation("plan.budget.source.required", "Choose where the money comes from.");
        }
        if (!plan.years().contains(entry.year())) {
            throw new RuleViolation(
                    "plan.refused.budget.year",
                    "The year must lie within the plan's period ("
                            + plan.startsOn().getYear() + " to " + plan.endsOn().getYear() + ").",
                    String.valueOf(plan.startsOn().getYear()),
                    String.valueOf(plan.endsOn().getYear()));
        }
        for (var amount : new BigDecimal[] {entry.planned(), entry.allocated(), entry.spent()}) {
            if (amount != null
                    && (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 14)) {
                throw new RuleViolation(
                        "plan.refused.budget.amount", "Amounts are zero or more, with at most two decimals.");
            }
        }
        var current = store.budgetLine(measureId, entry.year(), entry.source())
                .orElse(new BudgetLine(
                        measureId, entry.year(), entry.source(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        boolean manages = manages();
        var line = new BudgetLine(
                measureId,
                entry.year(),
                entry.source(),
                manages && entry.planned() != null ? entry.planned() : current.planned(),
                manages && entry.allocated() != null ? entry.allocated() : current.allocated(),
                entry.spent() != null ? entry.spent() : current.spent());
        store.nextVersion(measureId, entry.version(), clock.instant());
        store.save(line);
        audit.record(
                AuditAction.UPDATE,
                "plan-measure",
                measureId,
                "budget " + entry.year() + " " + entry.source() + (line.overspent() ? " overspent" : ""));
        return line;
    }

    /** Adds an activity to a measure, by its lead organisation or the co-ordinator; due within the measure's period. */
    @Transactional
    @PreAuthorize(UPDATE)
    public Activity addActivity(UUID measureId, String title, LocalDate dueOn) {
        var measure = existingMeasure(measureId);
        refuseOutsiders(measure);
        if (title == null || title.isBlank()) {
            throw new RuleViolation("plan.refused.activity.title", "An activity needs a title.");
        }
        if (title.strip().length() > Activity.TITLE_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.activity.titleSize",
                    "An activity's title has at most " + Activity.TITLE_LENGTH + " characters.",
                    Activity.TITLE_LENGTH);
        }
        if (dueOn == null) {
            throw new RuleViolation("plan.refused.activity.dueOn", "An activity needs a due date.");
        }
        if (dueOn.isBefore(measure.startsOn()) || dueOn.isAfter(measure.dueOn())) {
            throw new DatesOutOfOrder(
                    "dueOn", "plan.activity.dueOn.outsideMeasure", "An activity is due within its measure's period.");
        }
        var activity = new Activity(UUID.randomUUID(), measureId, title.strip(), dueOn, null, clock.instant());
        store.insert(activity);
        audit.record(AuditAction.CREATE, "plan-activity", activity.id(), "measure " + measureId);
        return activity;
    }

    /** Marks an activity done today, by its measure's lead organisation or the co-ordinator. */
    @Transactional
    @PreAuthorize(UPDATE)
    public void activityDone(UUID activityId) {
        var activity = store.activity(activityId).orElseThrow(() -> new RecordNotFound("activity", activityId));
        refuseOutsiders(existingMeasure(activity.measureId()));
        store.done(activityId, today());
        audit.record(AuditAction.UPDATE, "plan-activity", activityId, "done");
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Plan> plans() {
        return store.plans();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Optional<Plan> find(UUID planId) {
        return store.plan(planId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public PlanOverview overview(UUID planId) {
        var plan = existingPlan(planId);
        var objectives = store.objectives(planId);
        var measures = store.measures(planId);
        Map<UUID, List<Measure>> byObjective = new LinkedHashMap<>();
        objectives.forEach(objective -> byObjective.put(objective.id(), new ArrayList<>()));
        measures.forEach(measure -> byObjective.get(measure.objectiveId()).add(measure));
        Map<UUID, List<BudgetLine>> byMeasure =
                store.planBudget(planId).stream().collect(Collectors.groupingBy(BudgetLine::measureId));
        Map<UUID, BudgetTotal> byObjectiveTotals = new LinkedHashMap<>();
        for (var objective : objectives) {
            byObjectiveTotals.put(
                    objective.id(),
                    BudgetTotal.of(byObjective.get(objective.id()).stream()
                            .flatMap(measure -> byMeasure.getOrDefault(measure.id(), List.of()).stream())
                            .toList()));
        }
        Map<UUID, BudgetTotal> byOrganisation = new LinkedHashMap<>();
        measures.stream()
                .collect(Collectors.groupingBy(Measure::leadOrganisation, LinkedHashMap::new, Collectors.toList()))
                .forEach((organisation, led) -> byOrganisation.put(
                        organisation,
                        BudgetTotal.of(led.stream()
                                .flatMap(measure -> byMeasure.getOrDefault(measure.id(), List.of()).stream())
                                .toList())));
        return new PlanOverview(
                plan,
                objectives,
                byObjective,
                byMeasure,
                byObjectiveTotals,
                byOrganisation,
                BudgetTotal.of(byMeasure.values().stream().flatMap(List::stream).toList()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public MeasureRecord measure(UUID measureId) {
        var measure = existingMeasure(measureId);
        var plan = existingPlan(measure.planId());
        var objective = store.objectives(plan.id()).stream()
                .filter(candidate -> candidate.id().equals(measure.objectiveId()))
                .findFirst()
                .orElseThrow();
        return new MeasureRecord(
                measure,
                plan,
                objective,
                store.history(measureId),
                store.budget(measureId),
                store.activities(measureId));
    }

    /** The measures the signed-in person's organisation leads, in every plan, soonest due first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Measure> ledByMyOrganisation() {
        return OrganisationMember.current()
                .map(OrganisationMember::organisationId)
                .map(store::measuresLedBy)
                .orElse(List.of());
    }

    /** Measures of every plan past their due date and neither done nor dropped: what the co-ordinator chases. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ + " or " + MANAGE)
    public List<Measure> overdue() {
        return store.overdue(today());
    }

    /** Whether the signed-in person may report on this measure: the co-ordinator, or its lead organisation's staff. */
    public boolean mayUpdate(Measure measure) {
        return holds(MANAGES)
                || (holds(UPDATES_OWN)
                        && OrganisationMember.current()
                                .map(member -> measure.ledBy(member.organisationId()))
                                .orElse(false));
    }

    /** Today in the platform's clock: the day against which measures are overdue. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the signed-in person manages plans: the co-ordinator. */
    public boolean mayManage() {
        return holds(MANAGES);
    }

    private static boolean manages() {
        return holds(MANAGES);
    }

    private static boolean holds(String authority) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(held -> authority.equals(held.getAuthority()));
    }

    private void refuseOutsiders(Measure measure) {
        if (!mayUpdate(measure)) {
            throw new NotLeadOrganisation();
        }
    }

    private void refuseUnknown(UUID organisationId) {
        if (registry.find(organisationId).isEmpty()) {
            throw new RuleViolation("plan.refused.organisation", "Choose organisations from the registry.");
        }
    }

    private Plan existingPlan(UUID planId) {
        return store.plan(planId).orElseThrow(() -> new RecordNotFound("plan", planId));
    }

    private Measure existingMeasure(UUID measureId) {
        return store.measure(measureId).orElseThrow(() -> new RecordNotFound("measure", measureId));
    }
}
