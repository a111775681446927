package org.opennrm.cases;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who the person is, as the referrer records it. Stored encrypted; never logged: {@code toString()} masks
 * everything. Either a date of birth or an estimated age, or neither when the age is in doubt.
 *
 * @param gender an HTCDS {@code prs_Gender} code (any gender; none is assumed)
 * @param citizenships ISO 3166 alpha-3 codes
 * @param languages ISO 639-2 codes
 */
public record PersonIdentity(
        String givenName,
        String familyName,
        String otherNames,
        LocalDate dateOfBirth,
        Integer ageEstimate,
        String gender,
        Set<String> citizenships,
        // kept in the order given (the first language first), also when read from JSON
        @tools.jackson.databind.annotation.JsonDeserialize(as = LinkedHashSet.class)
        Set<String> languages) {

    public PersonIdentity {
        givenName = blankToNull(givenName);
        familyName = blankToNull(familyName);
        otherNames = blankToNull(otherNames);
        gender = blankToNull(gender);
        citizenships = citizenships == null
                ? Set.of()
                : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(citizenships));
        languages =
                languages == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(languages));
    }

    /** The age in whole years on a day, from the date of birth or else the estimate; null when neither is known. */
    public Integer ageOn(LocalDate day) {
        if (dateOfBirth != null) {
            return Period.between(dateOfBirth, day).getYears();
        }
        return ageEstimate;
    }

    /** Given and family name for the case page; a dash when neither was given. */
    public String displayName() {
        var name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return name.isEmpty() ? "—" : name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "PersonIdentity[masked]";
    }
}
