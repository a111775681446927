package org.opennrm.monitoring.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.organisations.OrganisationMember;
import org.opennrm.statistics.publishing.IndicatorDisclosure;
import org.opennrm.statistics.publishing.IndicatorDisclosure.Shown;
import org.opennrm.statistics.publishing.PlanIndicatorCounts;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of the action plans: the co-ordinator defines them with a baseline and a target and counts the
 * computed ones from the platform's facts (through {@link PlanIndicatorCounts}, by a fixed rule for a span of months);
 * a measure's lead organisation reports the reported ones. Every value keeps its source; values are never changed,
 * a recount or a corrected report is a new value beside the old.
 */
@Service
public class PlanIndicators {

    private static final int NOTE_LENGTH = 2000;
    private static final Set<String> RAW_READERS = Set.of("statistics:read:all", "plan:manage:all");

    private final IndicatorStore store;
    private final PlanStore plans;
    private final ActionPlans actionPlans;
    private final PlanIndicatorCounts counts;
    private final AuditTrail audit;
    private final Clock clock;
    private final IndicatorDisclosure disclosure;

    PlanIndicators(
            IndicatorStore store,
            PlanStore plans,
            ActionPlans actionPlans,
            PlanIndicatorCounts counts,
            AuditTrail audit,
            Clock clock,
            IndicatorDisclosure disclosure) {
        this.disclosure = disclosure;
        this.store = store;
        this.plans = plans;
        this.actionPlans = actionPlans;
        this.counts = counts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(ActionPlans.MANAGE)
    public Indicator define(UUID planId, IndicatorDetails details) {
        plans.plan(planId).orElseThrow(() -> new RecordNotFound("plan", planId));
        var checked = Indicator.checked(details);
        if (checked.measureId() != null
                && plans.measure(checked.measureId())
                        .filter(measure -> measure.planId().equals(planId))
                        .isEmpty()) {
            throw new RuleViolation(
                    "plan.refused.indicator.measureOfPlan", "An indicator belongs to a measure of its own plan.");
        }
        var indicator = new Indicator(
                UUID.randomUUID(),
                planId,
                checked.measureId(),
                checked.name(),
                checked.origin(),
                checked.rule(),
                checked.baseline(),
                checked.baselineYear(),
                checked.target(),
                checked.targetYear(),
                clock.instant());
        store.insert(indicator);
        audit.record(AuditAction.CREATE, "plan-indicator", indicator.id(), "plan " + planId + " " + checked.origin());
        return indicator;
    }

    /**
     * Counts a computed indicator's value for the months {@code from} to {@code to} from the platform's facts, by
     * the indicator's rule, and keeps it with its source.
     */
    @Transactional
    @PreAuthorize(ActionPlans.MANAGE)
    public IndicatorValue compute(UUID indicatorId, YearMonth from, YearMonth to) {
        var indicator = existing(indicatorId);
        if (indicator.origin() != IndicatorOrigin.COMPUTED) {
            throw new RuleViolation(
                    "plan.refused.indicator.notComputed",
                    "This indicator is reported by its lead organisation, not computed.");
        }
        refuseMonths(from, to);
        var counted = counts.count(indicator.rule(), from, to);
        var value = new IndicatorValue(
                null,
                indicatorId,
                from,
                to,
                counted.value(),
                IndicatorOrigin.COMPUTED,
                counted.rule(),
                null,
                null,
                counted.counted(),
                Actor.current().map(Actor::username).orElse(null),
                counted.facts(),
                Shown.EXACT,
                null);
        store.add(value);
        audit.record(AuditAction.UPDATE, "plan-indicator", indicatorId, "computed " + from + " to " + to);
        return value;
    }

    /** Records a reported indicator's value, by its measure's lead organisation (or the co-ordinator). */
    @Transactional
    @PreAuthorize(ActionPlans.UPDATE)
    public IndicatorValue report(UUID indicatorId, YearMonth from, YearMonth to, BigDecimal amount, String note) {
        var indicator = existing(indicatorId);
        if (indicator.origin() != IndicatorOrigin.REPORTED) {
            throw new RuleViolation(
                    "plan.refused.indicator.notReported",
                    "This indicator is computed from the platform's facts, not reported.");
        }
        var measure = plans.measure(indicator.measureId()).orElseThrow();
        if (!actionPlans.mayUpdate(measure)) {
            throw new NotLeadOrganisation();
        }
        refuseMonths(from, to);
        if (amount == null) {
            throw new RuleViolation("plan.indicator.value.required", "Give the value.");
        }
        if (amount.scale() > 2 || amount.precision() - amount.scale() > 14) {
            throw new RuleViolation("plan.refused.indicator.value", "A value has at most two decimals.");
        }
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (kept != null && kept.length() > NOTE_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.indicator.noteSize",
                    "The note has at most " + NOTE_LENGTH + " characters.",
                    NOTE_LENGTH);
        }
        Instant now = clock.instant();
        var value = new IndicatorValue(
                null,
                indicatorId,
                from,
                to,
                amount,
                IndicatorOrigin.REPORTED,
                null,
                OrganisationMember.current()
                        .map(OrganisationMember::organisationId)
                        .orElse(measure.leadOrganisation()),
                kept,
                now,
                Actor.current().map(Actor::username).orElse(null),
                null,
                Shown.EXACT,
                null);
        store.add(value);
        audit.record(AuditAction.UPDATE, "plan-indicator", indicatorId, "reported " + from + " to " + to);
        return value;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ActionPlans.READ)
    public List<IndicatorRecord> of(UUID planId) {
        var plan = plans.plan(planId).orElseThrow(() -> new RecordNotFound("plan", planId));
        var protection = new Protection();
        return store.indicators(planId).stream()
                .map(indicator -> new IndicatorRecord(
                        indicator, plan, measureOf(indicator), protection.apply(store.values(indicator.id()))))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ActionPlans.READ)
    public IndicatorRecord indicator(UUID indicatorId) {
        var indicator = existing(indicatorId);
        return new IndicatorRecord(
                indicator,
                plans.plan(indicator.planId()).orElseThrow(),
                measureOf(indicator),
                new Protection().apply(store.values(indicatorId)));
    }

    /**
     * Whether the signed-in person sees computed values as counted: the statistics office and the co-ordinator
     * ({@code statistics:read:all}) do; the other readers of the plan see them under disclosure control.
     */
    public static boolean seesRawCounts() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(held -> RAW_READERS.contains(held.getAuthority()));
    }

    /**
     * Disclosure control of computed values for a reader outside the statistics office ({@link IndicatorDisclosure},
     * decided over every value of the same rule in every plan, oldest first); decided once per rule per request.
     */
    private final class Protection {

        private final boolean raw = seesRawCounts();
        private final Map<Rule, Map<Long, Shown>> byRule = new EnumMap<>(Rule.class);

        List<IndicatorValue> apply(List<IndicatorValue> values) {
            if (raw) {
                return values;
            }
            return values.stream()
                    .map(value -> value.origin() == IndicatorOrigin.COMPUTED
                            ? value.protectedAs(
                                    shown(value.rule()).getOrDefault(value.id(), Shown.WITHHELD),
                                    disclosure.minimumCellSize())
                            : value)
                    .toList();
        }

        private Map<Long, Shown> shown(Rule rule) {
            return byRule.computeIfAbsent(rule, r -> {
                var family = store.counted(r);
                var decided = disclosure.protect(family.stream()
                        .map(value -> new IndicatorDisclosure.Figure(
                                value.firstMonth(),
                                value.lastMonth(),
                                r.counts(),
                                value.value() == null ? null : value.value().longValue(),
                                value.facts() != null
                                        ? value.facts()
                                        : r.counts() && value.value() != null
                                                ? value.value().longValue()
                                                : null))
                        .toList());
                var shown = new HashMap<Long, Shown>();
                for (int i = 0; i < family.size(); i++) {
                    shown.put(family.get(i).id(), decided.get(i));
                }
                return shown;
            });
        }
    }

    /** The smallest count shown as counted to readers outside the statistics office. */
    public int minimumCellSize() {
        return disclosure.minimumCellSize();
    }

    /** Whether the signed-in person may add a value: the co-ordinator counts, the measure's lead reports. */
    public boolean mayRecord(IndicatorRecord record) {
        return switch (record.indicator().origin()) {
            case COMPUTED -> actionPlans.mayManage();
            case REPORTED -> record.measure().map(actionPlans::mayUpdate).orElse(false);
        };
    }

    private Optional<Measure> measureOf(Indicator indicator) {
        return indicator.measureId() == null ? Optional.empty() : plans.measure(indicator.measureId());
    }

    private static void refuseMonths(YearMonth from, YearMonth to) {
        if (from == null || to == null) {
            throw new RuleViolation(
                    "plan.refused.indicator.months", "Give the first and the last month of the period.");
        }
        if (to.isBefore(from)) {
            throw new DatesOutOfOrder(
                    "lastMonth", "plan.indicator.months.outOfOrder", "The last month cannot come before the first.");
        }
    }

    private Indicator existing(UUID indicatorId) {
        return store.indicator(indicatorId).orElseThrow(() -> new RecordNotFound("indicator", indicatorId));
    }
}
