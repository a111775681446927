package org.opennrm.referrals;

import java.time.Instant;
import java.util.UUID;
import org.opennrm.cases.CaseId;

/**
 * A case handed to another organisation as its owner, with the reason. The owner of a case is the organisation
 * of its latest transfer; before any transfer, the NRM that received the referral.
 */
public record Transfer(
        UUID id,
        CaseId caseId,
        UUID fromOrganisationId,
        UUID toOrganisationId,
        String reason,
        Instant transferredAt,
        UUID transferredBy) {}
