package org.opennrm.assistance;

import java.time.LocalDate;
import org.opennrm.cases.CaseId;

/** A service was recorded as delivered against an assistance plan: its type and when it started, no text. */
public record ServiceDelivered(CaseId caseId, ServiceType type, LocalDate startedOn) {}
