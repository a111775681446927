package org.opennrm.assistance.events;

import java.time.YearMonth;
import org.opennrm.assistance.ServiceType;
import org.opennrm.cases.CaseId;

/** A service was recorded as delivered against an assistance plan: its type and the month it started, no text. */
public record ServiceDelivered(CaseId caseId, ServiceType type, YearMonth startedIn) {}
