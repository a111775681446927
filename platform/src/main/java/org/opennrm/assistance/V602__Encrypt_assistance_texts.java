package org.opennrm.assistance;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.opennrm.access.EncryptedColumn;
import org.opennrm.access.IdentityProtection;
import org.springframework.stereotype.Component;

/**
 * Encrypts the texts that earlier versions kept in clear in assistance: need notes, plan items, service outcomes, the
 * offence and note of non-punishment records, and reasons for closure. This is a Java migration because only the
 * identity key can encrypt. It runs once; a value that already decrypts under its context is left as it is.
 */
@Component
class V602__Encrypt_assistance_texts extends BaseJavaMigration {

    private final IdentityProtection protection;

    V602__Encrypt_assistance_texts(IdentityProtection protection) {
        this.protection = protection;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        for (EncryptedColumn column : AssistanceConfiguration.ENCRYPTED_SINCE_V602) {
            protection.encryptClearValues(context.getConnection(), column);
        }
    }
}
