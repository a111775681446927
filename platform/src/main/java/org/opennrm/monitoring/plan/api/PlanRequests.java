package org.opennrm.monitoring.plan.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.opennrm.monitoring.plan.BudgetEntry;
import org.opennrm.monitoring.plan.FundingSource;
import org.opennrm.monitoring.plan.IndicatorDetails;
import org.opennrm.monitoring.plan.IndicatorOrigin;
import org.opennrm.monitoring.plan.MeasureDetails;
import org.opennrm.monitoring.plan.MeasureStatus;
import org.opennrm.monitoring.plan.Pillar;
import org.opennrm.monitoring.plan.PlanDetails;
import org.opennrm.monitoring.plan.StatusUpdate;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;

/** The bodies the action-plan API accepts. Dates are ISO dates ({@code 2026-03-31}); amounts are decimal numbers. */
final class PlanRequests {

    private PlanRequests() {}

    /** A plan to draft, or (with {@code version}) the new state of one. Evidence is required only when said so. */
    record PlanRequest(
            @NotBlank(message = "{plan.title.required}") @Size(max = 200, message = "{plan.title.size}")
            String title,

            @NotNull(message = "{plan.startsOn.required}") LocalDate startsOn,
            @NotNull(message = "{plan.endsOn.required}") LocalDate endsOn,
            Boolean evidenceRequired,
            Integer version) {

        PlanDetails details() {
            return new PlanDetails(title, startsOn, endsOn, Boolean.TRUE.equals(evidenceRequired));
        }
    }

    record ObjectiveRequest(
            @NotNull(message = "{plan.objective.pillar.required}")
            Pillar pillar,

            @NotBlank(message = "{plan.objective.title.required}")
            @Size(max = 300, message = "{plan.objective.title.size}")
            String title) {}

    record MeasureRequest(
            @NotNull(message = "{plan.measure.objective.required}")
            UUID objectiveId,

            @NotBlank(message = "{plan.measure.title.required}") @Size(max = 300, message = "{plan.measure.title.size}")
            String title,

            @NotNull(message = "{plan.measure.lead.required}")
            UUID leadOrganisation,

            List<UUID> partners,

            @NotNull(message = "{plan.measure.startsOn.required}")
            LocalDate startsOn,

            @NotNull(message = "{plan.measure.dueOn.required}")
            LocalDate dueOn) {

        MeasureDetails details() {
            return new MeasureDetails(objectiveId, title, leadOrganisation, partners, startsOn, dueOn);
        }
    }

    record StatusRequest(
            @NotNull(message = "{plan.measure.status.required}")
            MeasureStatus status,

            @Size(max = 4000, message = "{plan.measure.evidence.size}")
            String evidence,

            @NotNull(message = "{version.missing}") Integer version) {

        StatusUpdate update() {
            return new StatusUpdate(status, evidence, version);
        }
    }

    /** Planned and allocated are the co-ordinator's; a lead organisation's values for them are ignored. */
    record BudgetRequest(
            @NotNull(message = "{plan.budget.year.required}")
            Integer year,

            @NotNull(message = "{plan.budget.source.required}")
            FundingSource source,

            @DecimalMin(value = "0", message = "{plan.budget.amount.invalid}")
            @Digits(integer = 14, fraction = 2, message = "{plan.budget.amount.invalid}")
            BigDecimal planned,

            @DecimalMin(value = "0", message = "{plan.budget.amount.invalid}")
            @Digits(integer = 14, fraction = 2, message = "{plan.budget.amount.invalid}")
            BigDecimal allocated,

            @DecimalMin(value = "0", message = "{plan.budget.amount.invalid}")
            @Digits(integer = 14, fraction = 2, message = "{plan.budget.amount.invalid}")
            BigDecimal spent,

            @NotNull(message = "{version.missing}") Integer version) {

        BudgetEntry entry() {
            return new BudgetEntry(year, source, planned, allocated, spent, version);
        }
    }

    record IndicatorRequest(
            @NotBlank(message = "{plan.indicator.name.required}")
            @Size(max = 300, message = "{plan.indicator.name.size}")
            String name,

            UUID measureId,

            @NotNull(message = "{plan.indicator.origin.required}")
            IndicatorOrigin origin,

            Rule rule,

            @NotNull(message = "{plan.indicator.baseline.required}")
            BigDecimal baseline,

            @NotNull(message = "{plan.indicator.baseline.required}")
            Integer baselineYear,

            @NotNull(message = "{plan.indicator.target.required}")
            BigDecimal target,

            @NotNull(message = "{plan.indicator.target.required}")
            Integer targetYear) {

        IndicatorDetails details() {
            return new IndicatorDetails(measureId, name, origin, rule, baseline, baselineYear, target, targetYear);
        }
    }

    /** Months as {@code 2026-03}; {@code value} and {@code note} for a reported indicator only. */
    record ValueRequest(
            @NotNull(message = "{plan.indicator.months.required}")
            YearMonth firstMonth,

            @NotNull(message = "{plan.indicator.months.required}")
            YearMonth lastMonth,

            BigDecimal value,

            @Size(max = 2000, message = "{plan.indicator.note.size}")
            String note) {}
}
