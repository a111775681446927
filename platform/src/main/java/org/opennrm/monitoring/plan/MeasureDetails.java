package org.opennrm.monitoring.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A measure as the co-ordinator adds it to an objective: who leads it, who takes part, and when. */
public record MeasureDetails(
        UUID objectiveId,
        String title,
        UUID leadOrganisation,
        List<UUID> partners,
        LocalDate startsOn,
        LocalDate dueOn) {

    public MeasureDetails {
        partners = partners == null
                ? List.of()
                : partners.stream()
                        .filter(java.util.Objects::nonNull)
                        .filter(partner -> !partner.equals(leadOrganisation))
                        .distinct()
                        .toList();
    }
}
