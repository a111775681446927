package org.opennrm.assistance;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A service delivered, as the form and the API send it. The type is a word of the catalogue ({@link ServiceType});
 * an unknown word is refused with a message rather than lost in binding. The result (a word of
 * {@link ServiceResult}) is asked for permits, compensation claims and safe returns.
 */
public record ServiceForm(
        String type,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn,
        String outcome,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
        String result) {

    /** A service that is simply delivered, with no result. */
    public ServiceForm(String type, LocalDate startedOn, LocalDate endedOn, String outcome, LocalDate expiresOn) {
        this(type, startedOn, endedOn, outcome, expiresOn, null);
    }

    @Override
    public String toString() {
        return "ServiceForm[" + type + "]";
    }
}
