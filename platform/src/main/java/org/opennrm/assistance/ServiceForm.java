package org.opennrm.assistance;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A service delivered, as the form and the API send it. The type is a word of the catalogue ({@link ServiceType});
 * an unknown word is refused with a message rather than lost in binding.
 */
public record ServiceForm(
        String type,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn,
        String outcome,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {

    @Override
    public String toString() {
        return "ServiceForm[" + type + "]";
    }
}
