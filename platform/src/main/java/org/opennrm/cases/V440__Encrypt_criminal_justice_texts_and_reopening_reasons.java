package org.opennrm.cases;

import org.opennrm.access.ClearTextEncryption;
import org.opennrm.access.IdentityProtection;
import org.springframework.stereotype.Component;

/**
 * Encrypts what earlier versions kept in clear: the criminal-justice track's proceedings and protection measures
 * (free text that names people and places), the reasons given for reopening a case, and the region typed on an
 * anonymous notification.
 */
@Component
class V440__Encrypt_criminal_justice_texts_and_reopening_reasons extends ClearTextEncryption {

    V440__Encrypt_criminal_justice_texts_and_reopening_reasons(IdentityProtection protection) {
        super(protection, CasesConfiguration.ENCRYPTED_SINCE_V440);
    }
}
