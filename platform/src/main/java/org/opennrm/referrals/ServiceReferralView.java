package org.opennrm.referrals;

import org.opennrm.cases.SharedCase;

/**
 * A referral as its receiver sees it: the referral, and the case through its scopes while access is in force
 * (referral sent or accepted, and consent in force or an override); otherwise no case data at all.
 */
public record ServiceReferralView(ServiceReferral referral, SharedCase sharedCase) {

    public boolean accessInForce() {
        return sharedCase != null;
    }
}
