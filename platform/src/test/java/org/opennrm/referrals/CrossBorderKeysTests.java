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

    @Test
    void theFingerprintReadByPhoneIsTheSha256OfThePublicKeyInGroupsOfFour() throws Exception {
        var keys = new CrossBorderKeys("AAA", "", dataDir, new MockEnvironment());
        String fingerprint = keys.fingerprint();
        assertThat(fingerprint).matches("([0-9A-F]{4} ){15}[0-9A-F]{4}");
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.util.Base64.getDecoder().decode(keys.publicKey()));
        assertThat(fingerprint.replace(" ", ""))
                .isEqualTo(java.util.HexFormat.of().withUpperCase().formatHex(digest));
        assertThat(CrossBorderKeys.fingerprint(keys.publicKey())).isEqualTo(fingerprint);
    }

    @Test
    void aTrustedKeyPastItsAgreedLastDayIsRefusedAndBeforeItIsTaken() throws Exception {
        var sender = new CrossBorderKeys("AAA", "", dataDir.resolve("a"), new MockEnvironment());
        var expired = new CrossBorderKeys(
                "BBB",
                "",
                dataDir.resolve("b"),
                new MockEnvironment()
                        .withProperty("opennrm.cross-border.trusted-keys.AAA", sender.publicKey())
                        .withProperty("opennrm.cross-border.trusted-keys-expire.AAA", "2020-01-31"));
        assertThat(expired.expired("AAA", java.time.LocalDate.of(2020, 1, 31))).isFalse();
        assertThat(expired.expired("AAA", java.time.LocalDate.of(2020, 2, 1))).isTrue();
        assertThat(expired.expired("CCC", java.time.LocalDate.of(2020, 2, 1))).isFalse();
        String signed = new PackageSignatures(sender)
                .sign(new CrossBorderPackage(
                        CrossBorderPackage.FORMAT,
                        java.util.UUID.randomUUID().toString(),
                        "AAA",
                        "BBB",
                        "NRM-2026-000042",
                        java.time.Instant.parse("2026-11-30T10:15:00Z"),
                        "Return",
                        "Feminine",
                        "ADULT",
                        java.util.List.of("MDA"),
                        java.util.List.of("ron"),
                        java.util.List.of("ForcedLabour"),
                        34,
                        java.util.List.of("ASSISTANCE"),
                        null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PackageSignatures(expired).verify(signed))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("crossBorder.keyExpired"));
    }
}
