package org.opennrm.cases.events;

import java.time.YearMonth;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.Stage;

/** A case was closed, for a reason, at a stage of the procedure. */
public record CaseClosed(CaseId caseId, ClosureReason reason, Stage stage, YearMonth closedIn) {}
