package org.opennrm.screening;

/**
 * One item of an indicator catalogue, in our own words, with where it comes from and how far that has
 * been checked. {@code element} and {@code strength} are set for ILO/EC operational indicators only;
 * {@code group} is the list or context the item belongs to (e.g. {@code adult-labour}, {@code children}).
 */
public record Indicator(
        String catalogue,
        String id,
        String group,
        Element element,
        Strength strength,
        String text,
        String description,
        String source,
        Verification verification,
        String verificationNote,
        String note) {

    /** True for an ILO/EC operational indicator, which the combination rule counts. */
    public boolean graded() {
        return element != null && strength != null;
    }
}
