package org.opennrm.referrals;

/** Where a referral to a service stands. SENT and ACCEPTED are in force: the receiver may see the shared view. */
public enum ServiceReferralStatus {
    SENT,
    ACCEPTED,
    DECLINED,
    WITHDRAWN,
    COMPLETED;

    public boolean inForce() {
        return this == SENT || this == ACCEPTED;
    }
}
