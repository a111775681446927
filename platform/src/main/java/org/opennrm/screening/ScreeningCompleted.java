package org.opennrm.screening;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

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
        Instant completedAt) {}
