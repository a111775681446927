package org.opennrm.cases.events;

import java.time.YearMonth;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;

/** An age assessment concluded whether the person is a child. */
public record AgeAssessed(CaseId caseId, AgeCategory outcome, YearMonth assessedIn) {}
