package org.opennrm.screening.events;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.opennrm.screening.AgeGroup;
import org.opennrm.screening.ExploitationForm;
import org.opennrm.screening.ScreeningId;
import org.opennrm.screening.Suggestion;

/**
 * A screening was completed and saved. Carries ids and codes only, so that statistics can count
 * screenings by sector, context and suggestion without ever seeing a person.
 */
public record ScreeningCompleted(
        ScreeningId screeningId,
        String checklist,
        Suggestion suggestion,
        AgeGroup ageGroup,
        Set<ExploitationForm> forms,
        String catalogueVersion,
        UUID organisationId,
        YearMonth completedIn) {}
