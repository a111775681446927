package org.opennrm.referrals.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.CaseId;

/** The service provider completed an accepted referral. */
public record ServiceReferralCompleted(
        UUID serviceReferralId, CaseId caseId, UUID receiverOrganisationId, YearMonth completedIn) {}
