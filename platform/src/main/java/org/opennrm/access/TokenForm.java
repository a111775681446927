package org.opennrm.access;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** The page form for a new personal access token: a name, an optional last day, the grants it carries. */
record TokenForm(
        @NotBlank(message = "{token.name.required}") @Size(max = 100, message = "{token.name.tooLong}")
        String name,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @FutureOrPresent(message = "{token.expires.past}")
        LocalDate expiresOn,

        @NotEmpty(message = "{token.grants.required}") Set<String> grants) {

    static TokenForm empty() {
        return new TokenForm("", null, Set.of());
    }

    public boolean has(Grant grant) {
        return grants != null && grants.contains(grant.authority());
    }
}
