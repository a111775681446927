package org.opennrm.assistance.events;

import java.time.YearMonth;
import org.opennrm.assistance.DurableSolution;
import org.opennrm.cases.CaseId;

/** A case was closed through assistance with a durable solution: which one and when, no reason or feedback. */
public record DurableSolutionReached(CaseId caseId, DurableSolution solution, YearMonth closedIn) {}
