package org.opennrm.cases;

import java.time.LocalDate;

/**
 * How far a case has come, for the organisation that referred it: status, stage and the outcome of the
 * decision that stands (the formal one if taken, else the preliminary one). Nothing about the person.
 */
public record CaseProgress(
        CaseId caseId,
        String reference,
        CaseStatus status,
        Stage stage,
        DecisionOutcome decisionOutcome,
        LocalDate decidedOn) {}
