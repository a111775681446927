package org.opennrm.assistance.events;

import java.time.YearMonth;
import org.opennrm.assistance.ServiceResult;
import org.opennrm.assistance.ServiceType;
import org.opennrm.cases.CaseId;

/**
 * A service was recorded as delivered against an assistance plan: its type, the month it started and, for a permit,
 * a compensation claim or a safe return, its result as recorded (null for other services); no text.
 */
public record ServiceDelivered(CaseId caseId, ServiceType type, YearMonth startedIn, ServiceResult result) {

    /** A service that is simply delivered, with no result. */
    public ServiceDelivered(CaseId caseId, ServiceType type, YearMonth startedIn) {
        this(caseId, type, startedIn, null);
    }
}
