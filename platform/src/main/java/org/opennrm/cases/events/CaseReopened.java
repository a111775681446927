package org.opennrm.cases.events;

import java.time.YearMonth;
import org.opennrm.cases.CaseId;

/** A closed case was reopened. The reason given stays in the case file; it never leaves it. */
public record CaseReopened(CaseId caseId, YearMonth reopenedIn) {}
