package org.opennrm.cases.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.ConsentPurpose;

/** Consent for a purpose was given (for sharing: with the named organisation). */
public record ConsentGiven(CaseId caseId, ConsentPurpose purpose, UUID organisationId, YearMonth givenIn) {}
