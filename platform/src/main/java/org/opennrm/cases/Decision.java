package org.opennrm.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An identification decision as taken: kind, outcome, date, decision-maker (account and organisation with the
 * identification authority role), reasons and evidence. Never changed once recorded; a reconsideration is a new
 * decision that names the one it replaces.
 */
public record Decision(
        UUID id,
        DecisionKind kind,
        DecisionOutcome outcome,
        LocalDate decidedOn,
        Instant recordedAt,
        UUID decidedBy,
        UUID organisationId,
        String reasons,
        String evidence,
        UUID reconsiders,
        Integer recoveryPeriodDays,
        boolean protectionFromRemoval) {

    @Override
    public String toString() {
        return "Decision[" + id + ", " + kind + ", " + outcome + ", " + decidedOn + "]";
    }
}
