package org.opennrm.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A best-interests assessment of a child, as summarised by the guardian or case manager. */
public record BestInterestsAssessment(
        UUID id, LocalDate assessedOn, String summary, Instant recordedAt, UUID recordedBy) {

    @Override
    public String toString() {
        return "BestInterestsAssessment[" + id + ", " + assessedOn + "]";
    }
}
