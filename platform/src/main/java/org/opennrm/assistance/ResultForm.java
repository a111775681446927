package org.opennrm.assistance;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The decision on a residence permit applied for or compensation claimed, as the form and the API send it: the
 * result (a word of {@link ServiceResult}), the day it was decided, and a permit's expiry date when granted.
 */
public record ResultForm(
        String result,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {}
