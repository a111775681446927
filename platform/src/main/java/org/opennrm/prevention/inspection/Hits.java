package org.opennrm.prevention.inspection;

/** Of {@code inspected} workplaces on a list that were inspected, {@code found} had a violation found. */
public record Hits(int inspected, int found) {

    /** Below this many inspected, a precision is too uncertain to show. */
    public static final int MIN_SHOWN = 30;

    public double precision() {
        return inspected == 0 ? Double.NaN : (double) found / inspected;
    }

    public boolean enough() {
        return inspected >= MIN_SHOWN;
    }
}
