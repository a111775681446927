package org.opennrm.monitoring.returns;

import java.util.List;
import java.util.regex.Pattern;
import org.opennrm.RuleViolation;

/**
 * What an agency's figures are for: a whole year ({@code 2025}) or one quarter of it ({@code 2025-Q2}, April to June).
 * Agencies report by calendar year or by quarter; the US TIP report's year (April to March) is the sum of four quarters.
 */
record AgencyPeriod(int year, Integer quarter) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    AgencyPeriod {
        ReportingPeriod.year(year);
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw new RuleViolation("returns.refused.quarterNumber", "A quarter is 1, 2, 3 or 4.");
        }
    }

    static AgencyPeriod year(int year) {
        return new AgencyPeriod(year, null);
    }

    static AgencyPeriod quarter(int year, int quarter) {
        return new AgencyPeriod(year, quarter);
    }

    /** A period as written: {@code 2025} or {@code 2025-Q2}. */
    static AgencyPeriod parse(String text) {
        var match = text == null ? null : TEXT.matcher(text.strip());
        if (match == null || !match.matches()) {
            throw new RuleViolation(
                    "returns.refused.periodText", "Give the period as a year (2025) or a quarter of it (2025-Q2).");
        }
        int year = Integer.parseInt(match.group(1));
        return match.group(2) == null ? year(year) : quarter(year, Integer.parseInt(match.group(2)));
    }

    /** The four quarters of the TIP report's year: April to June of the year before to January to March of the year. */
    static List<AgencyPeriod> aprilToMarch(int year) {
        return List.of(quarter(year - 1, 2), quarter(year - 1, 3), quarter(year - 1, 4), quarter(year, 1));
    }

    /** The four quarters of a calendar year. */
    static List<AgencyPeriod> quartersOf(int year) {
        return List.of(quarter(year, 1), quarter(year, 2), quarter(year, 3), quarter(year, 4));
    }

    boolean quarterly() {
        return quarter != null;
    }

    /** The same period a year earlier: what a jump is measured against. */
    AgencyPeriod yearBefore() {
        return new AgencyPeriod(year - 1, quarter);
    }

    /** The first quarter the period covers, as the statistics release names it ({@code 2025-Q1}). */
    String firstQuarter() {
        return year + "-Q" + (quarter == null ? 1 : quarter);
    }

    /** The last quarter the period covers ({@code 2025-Q4} for a year). */
    String lastQuarter() {
        return year + "-Q" + (quarter == null ? 4 : quarter);
    }

    @Override
    public String toString() {
        return quarter == null ? Integer.toString(year) : year + "-Q" + quarter;
    }
}
