package org.opennrm.cases;

import java.time.Instant;

/** A case was closed. */
public record CaseClosed(CaseId caseId, ClosureReason reason, Stage stage, Instant closedAt) {}
