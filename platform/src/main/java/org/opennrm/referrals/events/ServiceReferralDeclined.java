package org.opennrm.referrals.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.CaseId;

/** The service provider declined a referral. The reason stays with the referral. */
public record ServiceReferralDeclined(
        UUID serviceReferralId, CaseId caseId, UUID receiverOrganisationId, YearMonth declinedIn) {}
