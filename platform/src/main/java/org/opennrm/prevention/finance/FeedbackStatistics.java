package org.opennrm.prevention.finance;

import java.util.List;

/**
 * What became of the reports, by quarter received and entity type, and the red flags coded most often. For readers
 * outside the unit a count below the minimum is withheld (null): {@code minimumCount} says which.
 *
 * @param rows one row per quarter and entity type that has reports, latest quarter first
 * @param indicators the red flags coded most often, most frequent first
 * @param minimumCount counts from 1 to this less one are withheld; 1 when nothing is withheld (the unit's own view)
 * @param withheld how many counts were withheld
 */
public record FeedbackStatistics(List<Row> rows, List<IndicatorCount> indicators, int minimumCount, int withheld) {

    /** Reports received in a quarter from one kind of entity, and how many were disseminated and investigated. */
    public record Row(String quarter, EntityType entityType, Long received, Long disseminated, Long investigations) {}

    /** How many reports a red flag was coded in. */
    public record IndicatorCount(String code, Long reports) {}

    public boolean empty() {
        return rows.isEmpty();
    }
}
