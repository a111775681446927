package org.opennrm.cases;

import java.time.Instant;
import java.util.UUID;

/** A closed case was reopened, with the reason given (no personal data). */
public record CaseReopened(CaseId caseId, String reason, UUID reopenedBy, Instant reopenedAt) {}
