package org.opennrm.referrals.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.CaseId;

/** The service provider accepted a referral: it has met the person. */
public record ServiceReferralAccepted(
        UUID serviceReferralId, CaseId caseId, UUID receiverOrganisationId, YearMonth acceptedIn) {}
