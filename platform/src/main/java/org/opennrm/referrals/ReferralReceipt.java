package org.opennrm.referrals;

import java.util.UUID;
import org.opennrm.cases.CaseId;

/** What the referrer gets back: the referral, and the NRM reference of the case it opened. */
public record ReferralReceipt(UUID referralId, CaseId caseId, String reference) {}
