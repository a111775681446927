package org.opennrm.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Java migration that encrypts, once, what versions before it kept in clear in the columns a module has started to
 * encrypt. Only the identity key can encrypt, so this cannot be SQL. A module subclasses it with its version in the
 * class name ({@code V520__Encrypt_referral_texts}) and the columns concerned; the migration runs in Flyway's
 * transaction, so a crash half-way leaves every value as it was.
 */
public abstract class ClearTextEncryption extends BaseJavaMigration {

    private final IdentityProtection protection;
    private final List<EncryptedColumn> columns;

    protected ClearTextEncryption(IdentityProtection protection, List<EncryptedColumn> columns) {
        this.protection = protection;
        this.columns = List.copyOf(columns);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        encrypt(context.getConnection());
    }

    /** Encrypts every value of the columns still in clear; returns how many it encrypted. */
    public int encrypt(Connection connection) throws SQLException {
        int encrypted = 0;
        for (EncryptedColumn column : columns) {
            encrypted += protection.encryptClearValues(connection, column);
        }
        return encrypted;
    }
}
