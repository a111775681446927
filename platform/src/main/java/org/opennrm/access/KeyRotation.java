package org.opennrm.access;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the identity key: adds a new AES-256-GCM key to the keyset and makes it the one that
 * encrypts, re-encrypts every value of every {@link EncryptedColumn} under it, verifies that every value
 * decrypts under the new key alone, and only then removes the old keys from the keyset (their material is
 * gone from the key file: a copy of an old key file and a dump no longer open today's values together).
 * Until that last step every old key still decrypts, so a rotation stopped at any point leaves every value
 * readable and names the column that stopped it; running it again finishes the work (values already under
 * the newest key are left as they are).
 *
 * <p>Run it with the platform stopped: a node still running holds the old keyset in memory and would
 * go on writing values that only a removed key opens.
 */
@Service
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    static final int BATCH = 500;

    // Tink's ciphertexts start with this byte, then the 4-byte id of the key that made them
    private static final byte TINK_PREFIX = 0x01;

    private final IdentityProtection protection;
    private final List<EncryptedColumn> columns;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final int batchSize;

    @Autowired
    KeyRotation(
            IdentityProtection protection,
            List<EncryptedColumn> columns,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            AuditTrail audit) {
        this(protection, columns, jdbc, transaction, audit, BATCH);
    }

    KeyRotation(
            IdentityProtection protection,
            List<EncryptedColumn> columns,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            AuditTrail audit,
            int batchSize) {
        this.protection = protection;
        this.columns = List.copyOf(columns);
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.batchSize = batchSize;
    }

    /**
     * Rotates the key and re-encrypts every registered column.
     *
     * @param operator told what happens, and given the keyset to store when it came from configuration
     * @throws KeyRotationFailed when a value could not be re-encrypted; old keys then stay enabled
     */
    public KeyRotationResult rotate(Consumer<String> operator) {
        long started = System.nanoTime();
        long previousPrimary = primaryKeyId();
        KeysetHandle withNewKey;
        try {
            withNewKey = KeysetHandle.newBuilder(protection.keyset())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new KeyRotationFailed("A new key could not be made: " + e.getMessage(), e);
        }
        // stored before any value is re-encrypted under the new key, so that a crash cannot lose it
        store(withNewKey, operator, false);
        use(withNewKey);
        long newPrimary = primaryKeyId();
        operator.accept("New key " + newPrimary + " encrypts from now on; the old keys still decrypt.");

        long reEncrypted = 0;
        long alreadyCurrent = 0;
        for (EncryptedColumn column : columns) {
            Pass pass = reEncryptAll(column, newPrimary);
            // a value changed between reading and writing it is read again, up to twice
            for (int again = 0; again < 2 && pass.changedMeanwhile > 0; again++) {
                pass = pass.plus(reEncryptAll(column, newPrimary));
            }
            long stale = stopOnDatabaseError(column, () -> countNotUnder(column, newPrimary));
            if (stale > 0) {
                throw new KeyRotationFailed(stale + " values in " + column
                        + " are still under an old key, most likely written by a platform that is still running."
                        + " The old keys stay enabled: stop the platform and run the rotation again.");
            }
            operator.accept(column + ": " + pass.reEncrypted + " values re-encrypted, " + pass.alreadyCurrent
                    + " already under the new key.");
            reEncrypted += pass.reEncrypted;
            alreadyCurrent += pass.alreadyCurrent;
        }

        List<Long> removed = new ArrayList<>();
        KeysetHandle finished;
        try {
            var builder = KeysetHandle.newBuilder(withNewKey);
            // the builder keeps the keyset's order: entry i of both is the same key; removed from the end first
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    removed.add(Integer.toUnsignedLong(withNewKey.getAt(i).getId()));
                    builder.deleteAt(i);
                }
            }
            finished = builder.build();
        } catch (GeneralSecurityException e) {
            throw new KeyRotationFailed("The old keys could not be removed: " + e.getMessage(), e);
        }
        // verified before the old keys go: every value of every column opens under the new key alone
        verifyUnder(finished);
        store(finished, operator, true);
        use(finished);

        var result = new KeyRotationResult(
                previousPrimary,
                newPrimary,
                List.copyOf(removed),
                reEncrypted,
                alreadyCurrent,
                columns.size(),
                !protection.keysetFromConfiguration(),
                Duration.ofNanos(System.nanoTime() - started));
        audit.record(AuditAction.KEY_ROTATED, "identity-key", newPrimary, result.summary());
        return result;
    }

    /**
     * Reads every value of every column with the keyset that is about to be kept; the first value that does not open
     * stops the rotation with its column named, before the old keys are removed.
     */
    private void verifyUnder(KeysetHandle finished) {
        com.google.crypto.tink.Aead only;
        try {
            only = finished.getPrimitive(
                    com.google.crypto.tink.RegistryConfiguration.get(), com.google.crypto.tink.Aead.class);
        } catch (GeneralSecurityException e) {
            throw new KeyRotationFailed("The new keyset cannot be used: " + e.getMessage(), e);
        }
        for (EncryptedColumn column : columns) {
            Object after = null;
            while (true) {
                Object from = after;
                List<Row> batch = stopOnDatabaseError(column, () -> batchAfter(column, from));
                if (batch.isEmpty()) {
                    break;
                }
                for (Row row : batch) {
                    try {
                        only.decrypt(
                                Base64.getDecoder().decode(row.value()),
                                column.contextOf(row.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        throw new KeyRotationFailed(
                                "The value of " + column + " in row " + row.id() + " does not decrypt under the new"
                                        + " key alone. The old keys are kept (nothing was removed); every value still"
                                        + " decrypts. Run the rotation again with the platform stopped.",
                                e);
                    }
                }
                after = batch.getLast().id();
            }
        }
    }

    /** What one walk through a column did. */
    private record Pass(long reEncrypted, long alreadyCurrent, long changedMeanwhile) {
        Pass plus(Pass again) {
            // a later walk sees the values of the earlier one again as current: keep the first count
            return new Pass(reEncrypted + again.reEncrypted, alreadyCurrent, again.changedMeanwhile);
        }
    }

    private record Row(Object id, String value) {}

    private Pass reEncryptAll(EncryptedColumn column, long newPrimary) {
        return stopOnDatabaseError(column, () -> reEncrypt(column, newPrimary));
    }

    private static <T> T stopOnDatabaseError(EncryptedColumn column, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw new KeyRotationFailed(
                    "The database refused work on " + column + " ("
                            + e.getMostSpecificCause().getMessage()
                            + "). No key was removed; every value still decrypts. Run the rotation again once"
                            + " this is fixed.",
                    e);
        }
    }

    /** Re-encrypts, batch by batch, each in its own transaction, every value not yet under the new key. */
    private Pass reEncrypt(EncryptedColumn column, long newPrimary) {
        long reEncrypted = 0;
        long alreadyCurrent = 0;
        long changedMeanwhile = 0;
        Object after = null;
        while (true) {
            List<Row> batch = batchAfter(column, after);
            if (batch.isEmpty()) {
                return new Pass(reEncrypted, alreadyCurrent, changedMeanwhile);
            }
            long[] counts = transaction.execute(status -> {
                long[] done = new long[3];
                for (Row row : batch) {
                    if (keyIdOf(row.value()) == newPrimary) {
                        done[1]++;
                        continue;
                    }
                    String context = column.contextOf(row.id());
                    String plaintext;
                    try {
                        plaintext = protection.decrypt(row.value(), context);
                    } catch (IllegalStateException e) {
                        throw new KeyRotationFailed(
                                "The value of " + column + " in row " + row.id() + " could not be decrypted:"
                                        + " it was changed outside the platform, or its column is declared with"
                                        + " the wrong context. No key was removed; every other value still"
                                        + " decrypts.",
                                e);
                    }
                    int updated = jdbc.sql("update " + column.table() + " set " + column.column() + " = :value"
                                    + " where " + column.idColumn() + " = :id and " + column.column() + " = :old")
                            .param("value", protection.encrypt(plaintext, context))
                            .param("id", row.id())
                            .param("old", row.value())
                            .update();
                    done[updated == 1 ? 0 : 2]++;
                }
                return done;
            });
            reEncrypted += counts[0];
            alreadyCurrent += counts[1];
            changedMeanwhile += counts[2];
            after = batch.getLast().id();
        }
    }

    private long countNotUnder(EncryptedColumn column, long newPrimary) {
        long stale = 0;
        Object after = null;
        while (true) {
            List<Row> batch = batchAfter(column, after);
            if (batch.isEmpty()) {
                return stale;
            }
            stale += batch.stream()
                    .filter(row -> keyIdOf(row.value()) != newPrimary)
                    .count();
            after = batch.getLast().id();
        }
    }

    private List<Row> batchAfter(EncryptedColumn column, Object after) {
        String select = "select " + column.idColumn() + ", " + column.column() + " from " + column.table() + " where "
                + column.column() + " is not null";
        var query = after == null
                ? jdbc.sql(select + " order by " + column.idColumn() + " limit :size")
                : jdbc.sql(select + " and " + column.idColumn() + " > :after order by " + column.idColumn()
                                + " limit :size")
                        .param("after", after);
        return query.param("size", batchSize)
                .query((rs, n) -> new Row(rs.getObject(1), rs.getString(2)))
                .list();
    }

    /** The id of the key that encrypts now, as the keyset file writes it (unsigned). */
    private long primaryKeyId() {
        return Integer.toUnsignedLong(protection.keyset().getPrimary().getId());
    }

    /** The id (unsigned) of the key that made a ciphertext; a value in no Tink format counts as under no key. */
    static long keyIdOf(String ciphertext) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException notBase64) {
            return Long.MIN_VALUE;
        }
        if (bytes.length < 5 || bytes[0] != TINK_PREFIX) {
            return Long.MIN_VALUE;
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(bytes, 1, 4).getInt());
    }

    private void store(KeysetHandle keyset, Consumer<String> operator, boolean last) {
        try {
            if (protection.keysetFromConfiguration()) {
                String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
                operator.accept(
                        last
                                ? "The keyset came from OPENNRM_IDENTITY_KEYSET, so the platform cannot store it."
                                        + " Set OPENNRM_IDENTITY_KEYSET to this new keyset before the next start"
                                        + " (the old keys are removed from it):\n" + json
                                : "The keyset came from OPENNRM_IDENTITY_KEYSET. Should this rotation stop before it"
                                        + " ends, set OPENNRM_IDENTITY_KEYSET to this keyset, which holds the old keys"
                                        + " and the new one, then run the rotation again:\n" + json);
            } else {
                protection.writeKeyset(keyset);
                operator.accept("Keyset written to " + protection.keysetFile().toAbsolutePath()
                        + (last ? " (old keys removed)." : " (old keys and the new one)."));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyRotationFailed("The keyset could not be stored: " + e.getMessage(), e);
        }
    }

    private void use(KeysetHandle keyset) {
        try {
            protection.use(keyset);
        } catch (GeneralSecurityException e) {
            throw new KeyRotationFailed("The new keyset cannot be used: " + e.getMessage(), e);
        }
        log.info(
                "Identity keyset now has {} keys, primary {}",
                keyset.size(),
                keyset.getPrimary().getId());
    }
}
