package org.opennrm.referrals.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.CaseId;

/** The sender withdrew a referral that was sent or accepted. */
public record ServiceReferralWithdrawn(
        UUID serviceReferralId, CaseId caseId, UUID receiverOrganisationId, YearMonth withdrawnIn) {}
