package org.opennrm.prevention.inspection;

/**
 * One factor of a workplace's score: the label key of the feature, its argument (a sector letter, a region) or
 * {@code null}, the amount people read (employees, a count, years; 1 for a sector or region) and its contribution (weight times value) to the log-odds. A positive
 * contribution raised the score, a negative one lowered it.
 */
public record Factor(String key, String argument, double value, double contribution) {

    public boolean raises() {
        return contribution > 0;
    }
}
