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
 *
 * @param checklistVersion the version of the checklist the screening was answered with ({@code border/r1} shipped,
 *     {@code border/r2} and on saved in the pages), so that statistics can tell answers of different versions apart
 */
public record ScreeningCompleted(
        ScreeningId screeningId,
        String checklist,
        String checklistVersion,
        Suggestion suggestion,
        AgeGroup ageGroup,
        Set<ExploitationForm> forms,
        String catalogueVersion,
        UUID organisationId,
        YearMonth completedIn) {}
