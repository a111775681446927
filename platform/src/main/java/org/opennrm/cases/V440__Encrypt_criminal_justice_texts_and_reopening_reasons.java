package org.opennrm.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.opennrm.access.IdentityProtection;
import org.springframework.stereotype.Component;

/**
 * Encrypts what earlier versions kept in clear: the criminal-justice track's proceedings and protection measures
 * (free text that names people and places) and the reasons given for reopening a case. A Java migration, because
 * only the identity key can encrypt; it runs once, in the migrations' order, and a value that already decrypts under
 * its context is left as it is.
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
        return encrypt(
                        connection,
                        protection,
                        "cases.criminal_justice_track",
                        "case_id",
                        "proceedings",
                        CaseFiles.PROCEEDINGS)
                + encrypt(
                        connection,
                        protection,
                        "cases.criminal_justice_track",
                        "case_id",
                        "protection_measures",
                        CaseFiles.PROTECTION_MEASURES)
                + encrypt(connection, protection, "cases.reopening", "id", "reason", CaseFiles.REOPENING_REASON);
    }

    private record Row(UUID id, String value) {}

    private static int encrypt(
            Connection connection,
            IdentityProtection protection,
            String table,
            String idColumn,
            String column,
            String contextPrefix)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        // names are this class's own constants, never input
        try (var select = connection.prepareStatement(
                        "select " + idColumn + ", " + column + " from " + table + " where " + column + " is not null");
                var found = select.executeQuery()) {
            while (found.next()) {
                rows.add(new Row(found.getObject(1, UUID.class), found.getString(2)));
            }
        }
        int encrypted = 0;
        try (var update =
                connection.prepareStatement("update " + table + " set " + column + " = ? where " + idColumn + " = ?")) {
            for (Row row : rows) {
                String context = contextPrefix + row.id();
                if (encrypted(protection, row.value(), context)) {
                    continue;
                }
                update.setString(1, protection.encrypt(row.value(), context));
                update.setObject(2, row.id());
                update.addBatch();
                encrypted++;
            }
            update.executeBatch();
        }
        return encrypted;
    }

    private static boolean encrypted(IdentityProtection protection, String value, String context) {
        try {
            protection.decrypt(value, context);
            return true;
        } catch (RuntimeException clearText) {
            return false;
        }
    }
}
