package org.opennrm.cases.events;

import java.time.YearMonth;
import org.opennrm.cases.CaseId;

/**
 * A guardian was appointed for a child. The guardian's account stays in the case file: who guards which child is
 * not for statistics.
 */
public record GuardianAppointed(CaseId caseId, YearMonth appointedIn) {}
