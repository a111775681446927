package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityProtectionTests {

    private static final String CONTEXT = "cases.person.name:7f1c2b9e-0000-4000-8000-000000000001";

    @TempDir
    Path folder;

    @Test
    void encryptedValueDecryptsToThePlaintext() throws Exception {
        var protection = new IdentityProtection("", folder.resolve("keyset.json"));

        String sealed = protection.encrypt("Synthetic Person Alpha", CONTEXT);

        assertThat(sealed).doesNotContain("Synthetic");
        assertThat(protection.decrypt(sealed, CONTEXT)).isEqualTo("Synthetic Person Alpha");
    }

    @Test
    void theSamePlaintextEncryptsDifferentlyEachTime() throws Exception {
        var protection = new IdentityProtection("", folder.resolve("keyset.json"));

        assertThat(protection.encrypt("Synthetic Person Alpha", CONTEXT))
                .isNotEqualTo(protection.encrypt("Synthetic Person Alpha", CONTEXT));
    }

    @Test
    void valueMovedToAnotherRowDoesNotDecrypt() throws Exception {
        var protection = new IdentityProtection("", folder.resolve("keyset.json"));
        String sealed = protection.encrypt("Synthetic Person Alpha", CONTEXT);

        assertThatThrownBy(() -> protection.decrypt(sealed, "cases.person.name:another-row"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Synthetic");
    }

    @Test
    void tamperedCiphertextDoesNotDecrypt() throws Exception {
        var protection = new IdentityProtection("", folder.resolve("keyset.json"));
        byte[] sealed = Base64.getDecoder().decode(protection.encrypt("Synthetic Person Alpha", CONTEXT));
        sealed[sealed.length - 20] ^= 0x01;

        assertThatThrownBy(() -> protection.decrypt(Base64.getEncoder().encodeToString(sealed), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valueMadeWithAnotherKeysetDoesNotDecrypt() throws Exception {
        var ours = new IdentityProtection("", folder.resolve("ours.json"));
        var theirs = new IdentityProtection("", folder.resolve("theirs.json"));

        assertThatThrownBy(() -> ours.decrypt(theirs.encrypt("Synthetic Person Alpha", CONTEXT), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void firstStartWritesAKeysetFileThatTheNextStartReads() throws Exception {
        Path file = folder.resolve("keys/identity-keyset.json");
        var first = new IdentityProtection("", file);
        String sealed = first.encrypt("Synthetic Person Alpha", CONTEXT);

        assertThat(file).exists();
        assertThat(first.keysetFromConfiguration()).isFalse();
        var next = new IdentityProtection("", file);
        assertThat(next.primaryKeyId()).isEqualTo(first.primaryKeyId());
        assertThat(next.decrypt(sealed, CONTEXT)).isEqualTo("Synthetic Person Alpha");
    }

    @Test
    void keysetFromConfigurationIsUsedAndNoFileIsWritten() throws Exception {
        AeadConfig.register();
        var handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        Path file = folder.resolve("identity-keyset.json");

        var protection = new IdentityProtection(json, file);

        assertThat(protection.keysetFromConfiguration()).isTrue();
        assertThat(protection.primaryKeyId()).isEqualTo(handle.getPrimary().getId());
        assertThat(Files.exists(file)).isFalse();
    }
}
