package org.opennrm.cases;

import java.util.UUID;

/** Consent for a purpose was given (for sharing: with the named organisation). */
public record ConsentGiven(CaseId caseId, ConsentPurpose purpose, UUID organisationId) {}
