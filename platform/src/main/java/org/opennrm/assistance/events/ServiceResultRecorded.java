package org.opennrm.assistance.events;

import java.time.YearMonth;
import org.opennrm.assistance.ServiceResult;
import org.opennrm.assistance.ServiceType;
import org.opennrm.cases.CaseId;

/**
 * A decision was recorded on a residence permit applied for or compensation claimed earlier: the type, the result
 * (granted, awarded or refused) and the month it was decided; no text, no amount.
 */
public record ServiceResultRecorded(CaseId caseId, ServiceType type, ServiceResult result, YearMonth decidedIn) {}
