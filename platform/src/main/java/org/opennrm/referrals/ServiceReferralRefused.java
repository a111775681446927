package org.opennrm.referrals;

import org.opennrm.RuleViolation;

/**
 * A request on a referral to a service that a rule forbids: an illegal transition, sharing without consent, a
 * receiver that is not an active service provider. Pages show the message under {@link #messageKey()}.
 */
public class ServiceReferralRefused extends RuleViolation {

    ServiceReferralRefused(String messageKey, String message) {
        super(messageKey, message);
    }
}
