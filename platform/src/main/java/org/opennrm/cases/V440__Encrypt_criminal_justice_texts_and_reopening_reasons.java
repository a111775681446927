package org.opennrm.cases;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.opennrm.access.EncryptedColumn;
import org.opennrm.access.IdentityProtection;
import org.springframework.stereotype.Component;

/**
 * Encrypts what earlier versions kept in clear: the criminal-justice track's proceedings and protection measures
 * (free text that names people and places), the reasons given for reopening a case, and the region typed on an
 * anonymous notification. A Java migration, because only the identity key can encrypt; it runs once, in the
 * migrations' order, and a value that already decrypts under its context is left as it is.
 */
@Component
class V440__Encrypt_criminal_justice_texts_and_reopening_reasons extends BaseJavaMigration {

    private final IdentityProtection protection;

    V440__Encrypt_criminal_justice_texts_and_reopening_reasons(IdentityProtection protection) {
        this.protection = protection;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        encryptClearValues(context.getConnection(), protection);
    }

    /** Encrypts every value still in clear; returns how many it encrypted. */
    static int encryptClearValues(Connection connection, IdentityProtection protection) throws SQLException {
        int encrypted = 0;
        for (EncryptedColumn column : CasesConfiguration.ENCRYPTED_SINCE_V440) {
            encrypted += protection.encryptClearValues(connection, column);
        }
        return encrypted;
    }
}
