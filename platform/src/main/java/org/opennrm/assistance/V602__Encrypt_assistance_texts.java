package org.opennrm.assistance;

import org.opennrm.access.ClearTextEncryption;
import org.opennrm.access.IdentityProtection;
import org.springframework.stereotype.Component;

/**
 * Encrypts the texts that earlier versions kept in clear in assistance: need notes, plan items, service outcomes, the
 * offence and note of non-punishment records, and reasons for closure.
 */
@Component
class V602__Encrypt_assistance_texts extends ClearTextEncryption {

    V602__Encrypt_assistance_texts(IdentityProtection protection) {
        super(protection, AssistanceConfiguration.ENCRYPTED_SINCE_V602);
    }
}
