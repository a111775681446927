package org.opennrm.cases.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.ConsentPurpose;

/** Consent for a purpose was withdrawn (for sharing: from the named organisation). */
public record ConsentWithdrawn(CaseId caseId, ConsentPurpose purpose, UUID organisationId, YearMonth withdrawnIn) {}
