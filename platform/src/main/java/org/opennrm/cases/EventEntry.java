package org.opennrm.cases;

import java.time.LocalDate;

/**
 * An event of the trafficking timeline as entered: HTCDS {@code hte_Type} (Recruitment, Transit,
 * Exploitation), the date it happened (never in the future), the country (alpha-3) and a description.
 */
public record EventEntry(String type, LocalDate occurredOn, String country, String description) {

    @Override
    public String toString() {
        return "EventEntry[" + type + ", " + occurredOn + ", " + country + "]";
    }
}
