package org.opennrm.assistance;

import java.time.Instant;
import org.opennrm.cases.CaseId;

/** A case was closed through assistance with a durable solution: which one and when, no reason or feedback. */
public record DurableSolutionReached(CaseId caseId, DurableSolution solution, Instant closedAt) {}
