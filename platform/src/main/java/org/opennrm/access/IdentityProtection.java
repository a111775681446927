package org.opennrm.access;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts identity fields at rest with authenticated encryption (AES-256-GCM, Google Tink). Any module
 * that stores identifying data stores {@link #encrypt} output and reads it back with {@link #decrypt}.
 *
 * <p>The keyset comes from {@code OPENNRM_IDENTITY_KEYSET} (Tink JSON) or from the key file named by
 * {@code opennrm.identity.keyset-file}; a demo installation creates that file on its first start. Each
 * ciphertext names the key that made it, so after a rotation old values still decrypt until the rotation
 * command has re-encrypted them. The context (table, column, record id) is bound to the ciphertext as
 * associated data, so a value copied into another row or column does not decrypt.
 */
@Component
public class IdentityProtection {

    private static final Logger log = LoggerFactory.getLogger(IdentityProtection.class);

    private final Path keysetFile;
    private final boolean keysetFromConfiguration;
    private final ObjectProvider<EncryptedColumn> columns;
    private volatile List<String> declaredContexts;
    private volatile KeysetHandle keyset;
    private volatile Aead aead;

    /** Standing alone, without the declared columns (tests of the cipher itself). */
    IdentityProtection(String keysetJson, Path keysetFile) throws GeneralSecurityException, IOException {
        this(keysetJson, keysetFile, null);
    }

    /**
     * @param columns every {@link EncryptedColumn} the modules declare: a value is encrypted only under the context
     *     of a declared column, so that no column can be written encrypted and be left out of key rotation
     */
    @Autowired
    IdentityProtection(
            @Value("${opennrm.identity.keyset:}") String keysetJson,
            @Value("${opennrm.identity.keyset-file:${opennrm.data-dir}/identity-keyset.json}") Path keysetFile,
            ObjectProvider<EncryptedColumn> columns)
            throws GeneralSecurityException, IOException {
        AeadConfig.register();
        this.columns = columns;
        this.keysetFile = keysetFile;
        this.keysetFromConfiguration = StringUtils.hasText(keysetJson);
        if (keysetFromConfiguration) {
            use(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
        } else if (Files.exists(keysetFile)) {
            org.opennrm.SecretFiles.requireOwnerOnly(keysetFile, "identity keyset");
            use(TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get()));
        } else {
            log.warn(
                    "No identity keyset given: creating a new one in {}. Production must keep this key safe "
                            + "and backed up apart from the database.",
                    keysetFile.toAbsolutePath());
            var created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            writeKeyset(created);
            use(created);
        }
    }

    public String encrypt(String plaintext, String context) {
        requireDeclared(context);
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] sealed =
                    aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * Refuses to encrypt under a context that no {@link EncryptedColumn} declares: such a column would be skipped by
     * key rotation and become unreadable once the old key is disabled. A new encrypted column fails the first test
     * that writes it until its module declares it.
     */
    private void requireDeclared(String context) {
        if (columns == null) {
            return;
        }
        var declared = declaredContexts;
        if (declared == null) {
            declared =
                    columns.orderedStream().map(EncryptedColumn::contextPrefix).toList();
            declaredContexts = declared;
        }
        for (String prefix : declared) {
            if (context.startsWith(prefix)) {
                return;
            }
        }
        int colon = context.indexOf(':');
        throw new IllegalStateException("No EncryptedColumn declares the context "
                + (colon < 0 ? context : context.substring(0, colon + 1))
                + ": declare the column, so that key rotation re-encrypts it");
    }

    /**
     * Encrypts, in place, every value of a column that is still in clear: what a version before the column was
     * encrypted stored. For the modules' Java migrations, which run once; a value that already decrypts under its
     * context is left as it is, so running it again changes nothing. Returns how many values it encrypted.
     */
    public int encryptClearValues(java.sql.Connection connection, EncryptedColumn column) throws java.sql.SQLException {
        record Row(Object id, String value) {}
        List<Row> rows = new java.util.ArrayList<>();
        // the names come from a declared EncryptedColumn, which accepts only plain identifiers
        try (var select = connection.prepareStatement("select " + column.idColumn() + ", " + column.column() + " from "
                        + column.table() + " where " + column.column() + " is not null");
                var found = select.executeQuery()) {
            while (found.next()) {
                rows.add(new Row(found.getObject(1), found.getString(2)));
            }
        }
        int encrypted = 0;
        try (var update = connection.prepareStatement("update " + column.table() + " set " + column.column()
                + " = ? where " + column.idColumn() + " = ? and " + column.column() + " = ?")) {
            for (Row row : rows) {
                String context = column.contextOf(row.id());
                if (decrypts(row.value(), context)) {
                    continue;
                }
                update.setString(1, encrypt(row.value(), context));
                update.setObject(2, row.id());
                update.setString(3, row.value());
                update.addBatch();
                encrypted++;
            }
            update.executeBatch();
        }
        return encrypted;
    }

    private boolean decrypts(String value, String context) {
        try {
            decrypt(value, context);
            return true;
        } catch (RuntimeException clearText) {
            return false;
        }
    }

    public String decrypt(String ciphertext, String context) {
        if (ciphertext == null) {
            return null;
        }
        try {
            byte[] opened =
                    aead.decrypt(Base64.getDecoder().decode(ciphertext), context.getBytes(StandardCharsets.UTF_8));
            return new String(opened, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // tampered, moved to another row, or made with a key no longer in the keyset
            throw new IllegalStateException("An encrypted field could not be decrypted in " + context, e);
        }
    }

    /** The key id that encrypts new values now. */
    public long primaryKeyId() {
        return keyset.getPrimary().getId();
    }

    KeysetHandle keyset() {
        return keyset;
    }

    Path keysetFile() {
        return keysetFile;
    }

    /**
     * Whether the keyset came from configuration ({@code OPENNRM_IDENTITY_KEYSET}) rather than the key
     * file: then the platform cannot store a new keyset itself, and the operator must.
     */
    boolean keysetFromConfiguration() {
        return keysetFromConfiguration;
    }

    void use(KeysetHandle handle) throws GeneralSecurityException {
        this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.keyset = handle;
    }

    void writeKeyset(KeysetHandle handle) throws GeneralSecurityException {
        try {
            Path parent = keysetFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "identity-keyset", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict the permissions of the keyset file on this file system");
            }
            Files.writeString(
                    temporary, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
            Files.move(
                    temporary,
                    keysetFile,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
