package org.opennrm.statistics.publishing;

import java.util.List;

/**
 * Trend series of the coded facts for the modules that publish from them (prevention's trends and early warning).
 * Every series passes the statistics module's disclosure control and its joint check against the publication ledger,
 * exactly as a national table shown on the dashboard does; only counts leave.
 */
public interface TrendSeries {

    /**
     * The series asked for. Needs {@code statistics:read:all} or {@code prevention:read:all} (what is published is disclosure-controlled).
     *
     * @throws org.opennrm.RuleViolation for an unknown event or breakdown, or a period that is not two quarters in order
     */
    TrendTable trend(TrendRequest request);

    /** The breakdowns a trend may have, as words. */
    List<String> breakdowns();

    /** The event kinds a trend may count, as words. */
    List<String> events();
}
