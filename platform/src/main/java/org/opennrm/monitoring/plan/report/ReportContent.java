package org.opennrm.monitoring.plan.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.opennrm.monitoring.plan.Indicator;
import org.opennrm.monitoring.plan.IndicatorValue;
import org.opennrm.monitoring.plan.Measure;
import org.opennrm.monitoring.plan.MeasureStatus;
import org.opennrm.monitoring.plan.Objective;
import org.opennrm.monitoring.plan.Plan;
import org.opennrm.statistics.publishing.ReportReleases.ReleaseFigures;

/**
 * What a yearly report says, gathered when it is shown or published: the plan's measures by objective with their
 * status (and how many in each status, the chart), the money (for the whole plan and for the report's year, by
 * objective), the indicators with their baselines, targets and latest reported values, and the tables of the approved
 * statistics release it quotes. Indicator values counted from the platform's facts are not in it: the statistics of a
 * public report come from an approved release only.
 */
public record ReportContent(
        PlanReport report,
        Plan plan,
        List<ObjectiveSection> objectives,
        Map<MeasureStatus, Long> statusCounts,
        long overdue,
        Money total,
        Money year,
        List<IndicatorLine> indicators,
        ReleaseFigures release,
        LocalDate asOf) {

    /** An objective with its measures and its money (the whole plan, and the report's year). */
    public record ObjectiveSection(Objective objective, List<MeasureLine> measures, Money total, Money year) {}

    /** A measure with the name of its lead organisation and whether it was overdue on the day the report was made. */
    public record MeasureLine(Measure measure, String lead, boolean overdue) {}

    /** Planned, allocated and spent. */
    public record Money(BigDecimal planned, BigDecimal allocated, BigDecimal spent) {

        static final Money NONE = new Money(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Money plus(BigDecimal planned, BigDecimal allocated, BigDecimal spent) {
            return new Money(this.planned.add(planned), this.allocated.add(allocated), this.spent.add(spent));
        }

        Money plus(Money other) {
            return plus(other.planned, other.allocated, other.spent);
        }
    }

    /**
     * An indicator: baseline and target; for a reported indicator its latest reported value (null when none); a
     * computed one shows none ({@code computed}).
     */
    public record IndicatorLine(Indicator indicator, boolean computed, IndicatorValue latestReported) {}
}
