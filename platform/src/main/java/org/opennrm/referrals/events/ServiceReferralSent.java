package org.opennrm.referrals.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.referrals.OverrideGround;

/** A case was referred to a service provider; {@code overrideGround} is set when it was sent without the person's consent. */
public record ServiceReferralSent(
        UUID serviceReferralId,
        CaseId caseId,
        UUID senderOrganisationId,
        UUID receiverOrganisationId,
        OverrideGround overrideGround,
        YearMonth sentIn) {}
