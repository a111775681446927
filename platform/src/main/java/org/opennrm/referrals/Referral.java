package org.opennrm.referrals;

import java.time.Instant;
import java.util.UUID;
import org.opennrm.cases.CaseId;

/**
 * A referral into the NRM: which organisation (and which of its people) sent which case, when, after which
 * screening. The person and the circumstances are in the case, never here.
 */
public record Referral(
        UUID id,
        CaseId caseId,
        String caseReference,
        UUID referringOrganisationId,
        UUID referredBy,
        Instant referredAt,
        UUID screeningId) {}
