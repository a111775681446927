package org.opennrm.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opennrm.cases.DecisionOutcome;

/**
 * One referral as the referring organisation follows it: the NRM reference, when it was sent, its status and
 * the outcome of the decision that stands. No identity and no case content.
 */
public record MyReferral(
        UUID referralId,
        String reference,
        Instant referredAt,
        ReferralStatus status,
        DecisionOutcome decisionOutcome,
        LocalDate decidedOn) {}
