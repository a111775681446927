package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Every key and secret the platform writes into its data directory is owner-only (0600), and a key file found with
 * looser permissions at start is made owner-only again. Runs on POSIX file systems (the build's).
 */
class SecretFilesTests {

    /** The key files of an installation that was given no keys by configuration, as the platform writes them. */
    static final List<String> KEY_FILES = List.of(
            "identity-keyset.json",
            "audit-key",
            "linkage-secret",
            "exchange-secret",
            "cross-border/ed25519-private.b64",
            "database-passwords");

    @TempDir
    Path folder;

    @Test
    void aKeyFileFoundWithLooserPermissionsIsMadeOwnerOnly() throws Exception {
        Path key = Files.writeString(folder.resolve("some-key"), "synthetic");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(SecretFiles.requireOwnerOnly(key, "test key")).isTrue();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(SecretFiles.OWNER_ONLY);
        assertThat(SecretFiles.requireOwnerOnly(key, "test key")).isFalse();
    }

    @Test
    void everyKeyFileIsWrittenOwnerOnlyAndAStartFindingItOpenToOthersMakesItOwnerOnlyAgain() throws Exception {
        // an installation of its own writes its keys, then its data directory is restored world-readable
        Path restored = folder.resolve("restored");
        try (var first = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0", "--opennrm.data-dir=" + restored)) {
            assertThat(first.isRunning()).isTrue();
        }
        for (String name : KEY_FILES) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve(name))))
                    .as("written " + name)
                    .isEqualTo("rw-------");
        }
        for (String name : KEY_FILES) {
            Files.setPosixFilePermissions(restored.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (var again = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0", "--opennrm.data-dir=" + restored)) {
            assertThat(again.isRunning()).isTrue();
        }
        for (String name : KEY_FILES) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve(name))))
                    .as(name)
                    .isEqualTo("rw-------");
        }
    }
}
