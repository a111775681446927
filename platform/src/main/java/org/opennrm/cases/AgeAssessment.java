package org.opennrm.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The outcome of an age assessment: child or adult. */
public record AgeAssessment(UUID id, AgeCategory outcome, LocalDate assessedOn, Instant recordedAt, UUID recordedBy) {}
