package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class CrossBorderKeysTests {

    @TempDir
    Path dataDir;

    @Test
    void configuredPrivateKeyGivesItsOwnPublicKeyAndSignaturesVerify() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        var publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        var sender = new CrossBorderKeys("AAA", privateKey, dataDir, new MockEnvironment());
        assertThat(sender.publicKey()).isEqualTo(publicKey);

        var receiver = new CrossBorderKeys(
                "BBB",
                "",
                dataDir,
                new MockEnvironment().withProperty("opennrm.cross-border.trusted-keys.AAA", publicKey));
        var signature = sender.sign("package");
        assertThat(receiver.verify("AAA", "package", signature)).isTrue();
        assertThat(receiver.verify("AAA", "packagf", signature)).isFalse();
        assertThat(receiver.verify("CCC", "package", signature)).isFalse();
    }

    @Test
    void keyCreatedInTheDataDirectoryIsFoundAgainOnRestart() {
        var first = new CrossBorderKeys("AAA", "", dataDir, new MockEnvironment());
        var again = new CrossBorderKeys("AAA", "", dataDir, new MockEnvironment());
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void theGeneratedPrivateKeyIsOwnerOnlyAndALooserOneIsMadeOwnerOnlyAtStart() throws Exception {
        new CrossBorderKeys("AAA", "", dataDir, new MockEnvironment());
        var privateFile = dataDir.resolve("cross-border").resolve("ed25519-private.b64");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
                .isEqualTo("rw-------");

        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-r--r--"));
        new CrossBorderKeys("AAA", "", dataDir, new MockEnvironment());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
                .isEqualTo("rw-------");
    }
}
