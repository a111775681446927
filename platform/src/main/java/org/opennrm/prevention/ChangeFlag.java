package org.opennrm.prevention;

/**
 * A sudden shift the detector found: in {@code period} the series moved {@code direction} by {@code size} (the
 * observed value relative to what the segment before it predicted: -0.23 is a fall of 23%), and {@code confidence}
 * is the posterior probability that a new segment starts in this period. A flag in the last period is
 * {@code provisional}: the period after it, which confirms or withdraws a change, is not known yet.
 */
public record ChangeFlag(
        String period,
        Direction direction,
        double size,
        double confidence,
        double expected,
        double observed,
        boolean provisional) {

    public enum Direction {
        UP,
        DOWN
    }
}
