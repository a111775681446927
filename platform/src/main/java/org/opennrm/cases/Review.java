package org.opennrm.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The review of a negative decision by a multi-agency panel, with its reasons. */
public record Review(
        UUID id,
        UUID decisionId,
        UUID panelOrganisationId,
        ReviewOutcome outcome,
        LocalDate reviewedOn,
        String reasons,
        Instant recordedAt,
        UUID recordedBy) {

    @Override
    public String toString() {
        return "Review[" + id + ", " + decisionId + ", " + outcome + "]";
    }
}
