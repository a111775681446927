package org.opennrm.cases;

import java.util.Set;

/**
 * An adult who met a referrer, showed signs of trafficking and declined to be referred, counted without
 * identity: sex/gender (HTCDS code), age group, nationality (alpha-3), forms of exploitation, region.
 */
public record AnonymousNotification(
        String gender, AgeGroup ageGroup, String nationality, Set<String> exploitationForms, String region) {

    public AnonymousNotification {
        gender = gender == null || gender.isBlank() ? null : gender;
        nationality = nationality == null || nationality.isBlank() ? null : nationality;
        exploitationForms = exploitationForms == null ? Set.of() : Set.copyOf(exploitationForms);
        region = region == null || region.isBlank() ? null : region.strip();
    }
}
