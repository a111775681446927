package org.opennrm.referrals;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.opennrm.access.EncryptedColumn;
import org.opennrm.access.IdentityProtection;
import org.springframework.stereotype.Component;

/**
 * Encrypts the texts earlier versions kept in clear: a referral's purpose, the reason for sending it without consent
 * or for declining it, and the reason for a transfer. A Java migration, because only the identity key can encrypt;
 * it runs once, and a value that already decrypts under its context is left as it is.
 */
@Component
class V520__Encrypt_referral_texts extends BaseJavaMigration {

    private final IdentityProtection protection;

    V520__Encrypt_referral_texts(IdentityProtection protection) {
        this.protection = protection;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        for (EncryptedColumn column : ReferralsConfiguration.ENCRYPTED_SINCE_V520) {
            protection.encryptClearValues(context.getConnection(), column);
        }
    }
}
