package org.opennrm.screening;

import java.util.Arrays;

/**
 * The six elements of the ILO/EC operational indicators (2009), drawn from the Palermo Protocol's
 * definition: each indicator belongs to one element, and an element is present when its indicators
 * combine as {@link ElementRule} says.
 */
public enum Element {
    DECEPTIVE_RECRUITMENT("deceptive recruitment", Phase.RECRUITMENT),
    COERCIVE_RECRUITMENT("coercive recruitment", Phase.RECRUITMENT),
    RECRUITMENT_BY_ABUSE_OF_VULNERABILITY("recruitment by abuse of vulnerability", Phase.RECRUITMENT),
    EXPLOITATION("exploitative conditions of work", Phase.EXPLOITATION),
    COERCION_AT_DESTINATION("coercion at destination", Phase.DESTINATION),
    ABUSE_OF_VULNERABILITY_AT_DESTINATION("abuse of vulnerability at destination", Phase.DESTINATION);

    private final String label;
    private final Phase phase;

    Element(String label, Phase phase) {
        this.label = label;
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }

    /** The element as the catalogue file names it. */
    static Element ofLabel(String label) {
        return Arrays.stream(values())
                .filter(element -> element.label.equalsIgnoreCase(label.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown ILO/EC element: " + label));
    }
}
