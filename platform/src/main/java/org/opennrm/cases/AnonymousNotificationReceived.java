package org.opennrm.cases;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** An adult who declined referral was counted: codes only, linked to no case. */
public record AnonymousNotificationReceived(
        UUID notificationId,
        LocalDate notifiedOn,
        String gender,
        AgeGroup ageGroup,
        String nationality,
        Set<String> exploitationForms,
        String region) {}
