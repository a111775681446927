package org.opennrm.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * Consent for a purpose was withdrawn. Listeners that share case data stop at once: for sharing, with the
 * named organisation.
 */
public record ConsentWithdrawn(CaseId caseId, ConsentPurpose purpose, UUID organisationId, Instant withdrawnAt) {}
