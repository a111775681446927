package org.opennrm.linkage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The platform's own deployment secret, from which the keys of the duplicate check's encodings are derived:
 * {@code opennrm.linkage.secret} when set, otherwise a file in the data directory made on the first start (as
 * the identity keyset is). It never leaves the server and is not the secret agencies share for linkage runs,
 * so that the platform, which holds the agencies' uploads, cannot encode guesses to test against them.
 */
@Component
class LinkageSecret {

    private static final Logger log = LoggerFactory.getLogger(LinkageSecret.class);

    /** 32 random bytes, written as 64 hexadecimal characters so that no byte is a line break. */
    private static final int RANDOM_BYTES = 32;

    private final DeploymentSecret secret;

    LinkageSecret(
            @Value("${opennrm.linkage.secret:}") String configured,
            @Value("${opennrm.linkage.secret-file:${opennrm.data-dir}/linkage-secret}") Path file) {
        this.secret = StringUtils.hasText(configured) ? fromText(configured) : fromFile(file);
    }

    DeploymentSecret secret() {
        return secret;
    }

    private static DeploymentSecret fromFile(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        org.opennrm.SecretFiles.requireOwnerOnly(file, "linkage secret");
        return DeploymentSecret.read(file);
    }

    private static void create(Path file) {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        try {
            // another node may make it first: then theirs is used, so that both derive the same keys
            org.opennrm.SecretFiles.createOwnerOnly(file, HexFormat.of().formatHex(random));
            log.warn(
                    "No linkage secret given: created one in {}. Keep it safe and backed up apart from the database;"
                            + " without it, stored encodings can no longer be compared with new ones.",
                    file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the linkage secret file " + file.toAbsolutePath(), e);
        }
    }

    /**
     * The library reads a secret only from a file (so that an agency's secret never sits in a command line), so a
     * configured secret passes through a private temporary file that is deleted at once.
     */
    private static DeploymentSecret fromText(String configured) {
        Path temp = null;
        try {
            temp = Files.createTempFile("opennrm-linkage-secret", ".tmp", ownerOnly());
            Files.writeString(temp, configured.strip(), StandardCharsets.UTF_8);
            return DeploymentSecret.read(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configured linkage secret", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the file is readable by the server's account only
                }
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }
}
