package org.opennrm.referrals;

import java.util.UUID;
import org.opennrm.cases.CaseId;

/** A referral into the NRM was sent and opened a case. */
public record ReferralSent(UUID referralId, CaseId caseId, UUID referringOrganisationId, UUID screeningId) {}
