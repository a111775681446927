package org.opennrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule for files that hold keys and secrets (the identity keyset, the audit key, the linkage secret, the
 * cross-border signing key, the embedded database's passwords): readable and writable by the server's account only
 * (0600). Checked when the platform reads such a file at start: a file restored or copied with looser permissions is
 * made owner-only again, with a warning that names the file (never its content), since anyone who could read it
 * may have copied the key.
 */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {}

    /**
     * Makes a key file owner-only when it is not, and says so. Returns whether the permissions were looser. On a file
     * system without POSIX permissions there is nothing to check.
     */
    public static boolean requireOwnerOnly(Path file, String what) {
        if (!posix(file) || !Files.exists(file)) {
            return false;
        }
        try {
            var permissions = Files.getPosixFilePermissions(file);
            if (OWNER_ONLY.containsAll(permissions)) {
                return false;
            }
            log.warn(
                    "The {} file {} was readable or writable by others ({}); it is now owner-only (rw-------)."
                            + " Whoever could read it may hold a copy of the key: consider rotating it.",
                    what,
                    file.toAbsolutePath(),
                    PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the permissions of the " + what + " file " + file, e);
        }
    }

    /**
     * Writes a new secret file readable by its owner only from its creation, moved into place whole, so that a start
     * never reads half a secret. Returns false when the file appeared meanwhile (another node made it first): that one
     * is kept, so that every node uses the same secret.
     */
    public static boolean createOwnerOnly(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = posix(directory)
                ? Files.createTempFile(
                        directory, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, content, java.nio.charset.StandardCharsets.US_ASCII);
            Files.move(temporary, file);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException anotherNodeFirst) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static boolean posix(Path path) {
        return path.toAbsolutePath()
                .getFileSystem()
                .supportedFileAttributeViews()
                .contains("posix");
    }
}
