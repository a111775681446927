package org.opennrm.monitoring.returns;

import java.time.YearMonth;
import org.opennrm.RuleViolation;

/**
 * The months a return covers, inclusive: a calendar year for most bodies, April to March for the US Trafficking in
 * Persons report.
 */
record ReportingPeriod(YearMonth first, YearMonth last) {

    ReportingPeriod {
        if (first == null || last == null || first.isAfter(last)) {
            throw new RuleViolation("returns.refused.periodOrder", "A reporting period starts before it ends.");
        }
    }

    static ReportingPeriod year(int year) {
        if (year < 1990 || year > 2200) {
            throw new RuleViolation("returns.refused.year", "Choose a year between 1990 and 2200.");
        }
        return new ReportingPeriod(YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    /** The TIP report's year: 1 April of the year before to 31 March of the year named. */
    static ReportingPeriod aprilToMarch(int year) {
        return new ReportingPeriod(YearMonth.of(year - 1, 4), YearMonth.of(year, 3));
    }

    boolean isCalendarYear() {
        return first.getMonthValue() == 1 && last.getMonthValue() == 12 && first.getYear() == last.getYear();
    }

    int firstIndex() {
        return first.getYear() * 12 + first.getMonthValue() - 1;
    }

    int lastIndex() {
        return last.getYear() * 12 + last.getMonthValue() - 1;
    }

    boolean contains(int monthIndex) {
        return monthIndex >= firstIndex() && monthIndex <= lastIndex();
    }

    @Override
    public String toString() {
        return isCalendarYear() ? Integer.toString(first.getYear()) : first + " to " + last;
    }
}
