package org.opennrm.referrals;

import org.opennrm.cases.CaseProgress;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Stage;

/**
 * What the referring organisation sees of a referral: sent (awaiting the preliminary decision), decided (a
 * decision stands; its outcome is shown), in assistance, closed.
 */
public enum ReferralStatus {
    SENT,
    DECIDED,
    IN_ASSISTANCE,
    CLOSED;

    static ReferralStatus of(CaseProgress progress) {
        if (progress.status() == CaseStatus.CLOSED) {
            return CLOSED;
        }
        if (progress.stage() == Stage.IN_ASSISTANCE) {
            return IN_ASSISTANCE;
        }
        return progress.decisionOutcome() == null ? SENT : DECIDED;
    }
}
