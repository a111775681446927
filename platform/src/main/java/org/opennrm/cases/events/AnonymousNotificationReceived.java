package org.opennrm.cases.events;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.opennrm.cases.AgeGroup;

/** An adult who declined referral was counted: codes only, linked to no case. */
public record AnonymousNotificationReceived(
        UUID notificationId,
        YearMonth notifiedIn,
        String gender,
        AgeGroup ageGroup,
        String nationality,
        Set<String> exploitationForms,
        String region) {}
