package org.opennrm.cases.events;

import java.time.YearMonth;
import org.opennrm.cases.CaseId;

/** Assistance started for a presumed or identified victim. */
public record AssistanceStarted(CaseId caseId, YearMonth startedIn) {}
