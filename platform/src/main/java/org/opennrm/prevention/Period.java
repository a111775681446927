package org.opennrm.prevention;

import java.util.regex.Pattern;

/**
 * A quarter ({@code 2021-Q3}) or a month ({@code 2021-07}) of a series, counted from year 0 so that consecutive
 * periods differ by one.
 */
record Period(Frequency frequency, int index) implements Comparable<Period> {

    enum Frequency {
        QUARTER,
        MONTH
    }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    /** The period written as in the CSV, or {@code null} when the text is neither a quarter nor a month. */
    static Period parse(String text) {
        var quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            return of(Frequency.QUARTER, Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
        }
        var month = MONTH.matcher(text);
        if (month.matches()) {
            return of(Frequency.MONTH, Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
        }
        return null;
    }

    /** The {@code number}th quarter (1-4) or month (1-12) of the year. */
    static Period of(Frequency frequency, int year, int number) {
        return new Period(frequency, year * perYear(frequency) + number - 1);
    }

    int year() {
        return Math.floorDiv(index, perYear(frequency));
    }

    /** The quarter (1-4) or month (1-12) within the year. */
    int number() {
        return Math.floorMod(index, perYear(frequency)) + 1;
    }

    Period next() {
        return new Period(frequency, index + 1);
    }

    Period previous() {
        return new Period(frequency, index - 1);
    }

    int perYear() {
        return perYear(frequency);
    }

    private static int perYear(Frequency frequency) {
        return frequency == Frequency.QUARTER ? 4 : 12;
    }

    @Override
    public int compareTo(Period other) {
        return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return frequency == Frequency.QUARTER ? year() + "-Q" + number() : String.format("%04d-%02d", year(), number());
    }
}
