package org.opennrm.cases;

import java.util.UUID;

/** A multi-agency panel reviewed a negative decision. */
public record DecisionReviewed(CaseId caseId, UUID decisionId, ReviewOutcome outcome, UUID panelOrganisationId) {}
