package org.opennrm.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The audit key: a secret kept outside the database, from which the platform derives the key of the chain's keyed
 * hashes (HMAC-SHA256) and the Ed25519 key that signs its checkpoints. Whoever has the database but not this key
 * (a database administrator, a stolen backup) can neither recompute a hash after editing an entry nor sign a
 * checkpoint.
 *
 * <p>The secret (32 random bytes, base64) comes from {@code OPENNRM_AUDIT_KEY} or from the key file named by {@code
 * opennrm.audit.key-file} ({@code audit-key} in the data folder), which a first start creates readable by its owner
 * only, like the identity keyset. Both keys are derived from it with HMAC-SHA256 under fixed labels, so there is one
 * secret to keep and back up; the public half of the signing key is not secret and is what an operator needs to
 * check checkpoints anywhere ({@link #publicKeyPem()}).
 */
@Component
class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

    /** The DER prefix of an Ed25519 public key in a SubjectPublicKeyInfo (RFC 8410), before its 32 bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final SecretKeySpec macKey;
    private final SecretKeySpec searchKey;
    private final Ed25519PrivateKeyParameters signingKey;
    private final Ed25519PublicKeyParameters publicKey;

    @Autowired
    AuditKey(
            @Value("${opennrm.audit.key:}") String configured,
            @Value("${opennrm.audit.key-file:${opennrm.data-dir}/audit-key}") Path keyFile) {
        this(secret(configured, keyFile));
    }

    /** A key from its secret: tests that run without Spring build one from random bytes. */
    AuditKey(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalStateException("The audit key must be at least 32 bytes (base64 of 32 random bytes)");
        }
        this.macKey = new SecretKeySpec(derive(secret, "opennrm audit chain hmac-sha256 v1"), "HmacSHA256");
        this.searchKey = new SecretKeySpec(derive(secret, "opennrm case search index hmac-sha256 v1"), "HmacSHA256");
        this.signingKey = new Ed25519PrivateKeyParameters(derive(secret, "opennrm audit checkpoint ed25519 v1"), 0);
        this.publicKey = signingKey.generatePublicKey();
    }

    static AuditKey random() {
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new AuditKey(secret);
    }

    /** The keyed hash of a word for the case search's blind index ({@link SearchIndex}), all 32 bytes. */
    byte[] searchMac(String word) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(searchKey);
            return mac.doFinal(word.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The keyed hash of a seal's canonical text, as 64 hex digits like the SHA-256 hashes before it. */
    String mac(String canonical) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** An Ed25519 signature of the text's UTF-8 bytes, base64. */
    String sign(String message) {
        var signer = new Ed25519Signer();
        signer.init(true, signingKey);
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    boolean verifies(String message, String signature) {
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        var verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        verifier.update(bytes, 0, bytes.length);
        return verifier.verifySignature(signatureBytes);
    }

    /** The public key as PEM (SubjectPublicKeyInfo), which {@code openssl pkeyutl -verify} reads. */
    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(publicKeyDer())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The first 16 hex digits of the SHA-256 of the public key: names the key in every checkpoint. */
    String keyId() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(publicKeyDer()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private byte[] publicKeyDer() {
        byte[] raw = publicKey.getEncoded();
        byte[] der = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, der, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, der, ED25519_SPKI_PREFIX.length, raw.length);
        return der;
    }

    private static byte[] derive(byte[] secret, String label) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] secret(String configured, Path keyFile) {
        try {
            if (StringUtils.hasText(configured)) {
                return Base64.getDecoder().decode(configured.strip());
            }
            if (Files.exists(keyFile)) {
                org.opennrm.SecretFiles.requireOwnerOnly(keyFile, "audit key");
                return Base64.getDecoder().decode(Files.readString(keyFile).strip());
            }
            log.warn(
                    "No audit key given: creating a new one in {}. Production must keep this key safe, apart from "
                            + "the database and its backups.",
                    keyFile.toAbsolutePath());
            var secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            write(keyFile, Base64.getEncoder().encodeToString(secret) + "\n");
            return secret;
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("The audit key is not base64 (OPENNRM_AUDIT_KEY or the audit key file)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written beside its place and moved there, readable by its owner only from the start. */
    private static void write(Path keyFile, String content) throws IOException {
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "audit-key", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Could not restrict the permissions of the audit key file on this file system");
        }
        Files.writeString(temporary, content);
        // moved whole: a start that reads the file never sees half a key
        Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
    }
}
