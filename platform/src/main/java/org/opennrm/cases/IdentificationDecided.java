package org.opennrm.cases;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An identification decision was recorded. {@code reconsiders} names the negative decision it replaces after
 * a review; {@code recoveryPeriodEndsOn} is set when a positive preliminary decision starts the period.
 * {@code referredOn} and {@code ageCategory} let statistics count how long decisions took, for children and
 * adults, without reading the case.
 */
public record IdentificationDecided(
        CaseId caseId,
        UUID decisionId,
        DecisionKind kind,
        DecisionOutcome outcome,
        LocalDate decidedOn,
        UUID organisationId,
        UUID reconsiders,
        LocalDate recoveryPeriodEndsOn,
        LocalDate referredOn,
        AgeCategory ageCategory) {}
