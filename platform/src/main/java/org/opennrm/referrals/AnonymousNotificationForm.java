package org.opennrm.referrals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.AnonymousNotification;

/** The anonymous notification form: codes only, no identity. */
record AnonymousNotificationForm(
        String gender,
        @NotNull(message = "{anonymous.ageGroup.required}") AgeGroup ageGroup,
        String nationality,
        Set<String> exploitationForms,

        @Size(max = 100, message = "{anonymous.region.size}")
        String region) {

    AnonymousNotificationForm {
        exploitationForms = exploitationForms == null ? Set.of() : Set.copyOf(exploitationForms);
    }

    static AnonymousNotificationForm blank() {
        return new AnonymousNotificationForm(null, null, null, null, null);
    }

    AnonymousNotification notification() {
        return new AnonymousNotification(gender, ageGroup, nationality, exploitationForms, region);
    }
}
