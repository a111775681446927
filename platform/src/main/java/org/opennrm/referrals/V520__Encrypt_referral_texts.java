package org.opennrm.referrals;

import org.opennrm.access.ClearTextEncryption;
import org.opennrm.access.IdentityProtection;
import org.springframework.stereotype.Component;

/**
 * Encrypts the texts earlier versions kept in clear: a referral's purpose, the reason for sending it without consent
 * or for declining it, and the reason for a transfer.
 */
@Component
class V520__Encrypt_referral_texts extends ClearTextEncryption {

    V520__Encrypt_referral_texts(IdentityProtection protection) {
        super(protection, ReferralsConfiguration.ENCRYPTED_SINCE_V520);
    }
}
