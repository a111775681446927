package org.opennrm.cases.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.ReviewOutcome;

/** A multi-agency panel reviewed a negative decision. */
public record DecisionReviewed(
        CaseId caseId, UUID decisionId, ReviewOutcome outcome, UUID panelOrganisationId, YearMonth reviewedIn) {}
