package org.opennrm.monitoring.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.statistics.publishing.IndicatorDisclosure.Shown;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;

/**
 * One value of an indicator for a span of months, with its source: the rule it was counted by (and when), or the
 * organisation that reported it (who, and their note). {@code value} is null for a median over no facts, and for a
 * reader outside the statistics office when disclosure control withholds it or shows it as fewer than
 * {@code fewerThan} ({@code shown} says which). {@code facts} is how many facts a computed value rests on.
 */
public record IndicatorValue(
        Long id,
        UUID indicatorId,
        YearMonth firstMonth,
        YearMonth lastMonth,
        BigDecimal value,
        IndicatorOrigin origin,
        Rule rule,
        UUID organisationId,
        String note,
        Instant recordedAt,
        String recordedBy,
        Long facts,
        Shown shown,
        Integer fewerThan) {

    /** The value as a reader outside the statistics office may see it. */
    IndicatorValue protectedAs(Shown how, int minimumCellSize) {
        return switch (how) {
            case EXACT -> this;
            case FEWER_THAN ->
                new IndicatorValue(
                        id,
                        indicatorId,
                        firstMonth,
                        lastMonth,
                        null,
                        origin,
                        rule,
                        organisationId,
                        note,
                        recordedAt,
                        recordedBy,
                        null,
                        how,
                        minimumCellSize);
            case WITHHELD ->
                new IndicatorValue(
                        id,
                        indicatorId,
                        firstMonth,
                        lastMonth,
                        null,
                        origin,
                        rule,
                        organisationId,
                        note,
                        recordedAt,
                        recordedBy,
                        null,
                        how,
                        null);
        };
    }
}
