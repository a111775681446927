package org.opennrm.assistance;

import org.opennrm.cases.CaseId;

/** A residence permit that expires soon, with its case. */
public record PermitReminder(CaseId caseId, DeliveredService permit) {}
