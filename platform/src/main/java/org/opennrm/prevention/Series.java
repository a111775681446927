package org.opennrm.prevention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Counts over consecutive periods (quarters or months), the first at {@code start}. */
record Series(Period start, double[] values) {

    Series {
        values = values.clone();
    }

    Period period(int i) {
        return new Period(start.frequency(), start.index() + i);
    }

    int length() {
        return values.length;
    }

    double value(int i) {
        return values[i];
    }

    List<Period> periods() {
        var periods = new ArrayList<Period>(values.length);
        for (int i = 0; i < values.length; i++) {
            periods.add(period(i));
        }
        return periods;
    }

    /** The part of the series from {@code from} to {@code to} inclusive (both within it). */
    Series between(Period from, Period to) {
        int first = Math.max(0, from.index() - start.index());
        int last = Math.min(values.length - 1, to.index() - start.index());
        return new Series(period(first), Arrays.copyOfRange(values, first, last + 1));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Series series && start.equals(series.start) && Arrays.equals(values, series.values);
    }

    @Override
    public int hashCode() {
        return 31 * start.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Series[" + start + ", " + values.length + " periods]";
    }
}
