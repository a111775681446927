package org.opennrm.referrals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This installation's Ed25519 key for signing cross-border packages, and the public keys of the NRMs of other
 * countries it trusts. The private key comes from {@code opennrm.cross-border.private-key} (base64 PKCS#8) or, when
 * not configured, from a key file in the data directory, created on first use. Trusted keys come from
 * {@code opennrm.cross-border.trusted-keys.<COUNTRY>} (base64 X.509), exchanged between the NRMs out of band.
 */
@Component
public class CrossBorderKeys {

    static final String ALGORITHM = "Ed25519";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CrossBorderKeys.class);

    private final String country;
    private final KeyPair keys;
    private final Map<String, PublicKey> trusted = new HashMap<>();
    private final Map<String, String> nrmOrganisations = new HashMap<>();
    private final Map<String, java.time.LocalDate> expiries = new HashMap<>();

    CrossBorderKeys(
            @Value("${opennrm.cross-border.country:NRM}") String country,
            @Value("${opennrm.cross-border.private-key:}") String privateKey,
            @Value("${opennrm.data-dir}") Path dataDir,
            Environment environment) {
        this.country = country;
        this.keys = privateKey.isBlank() ? fromFile(dataDir.resolve("cross-border")) : fromConfiguration(privateKey);
        Binder.get(environment)
                .bind(
                        "opennrm.cross-border.trusted-keys",
                        org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElse(Map.of())
                .forEach((code, key) -> trusted.put(code.toUpperCase(java.util.Locale.ROOT), publicKey(key)));
        Binder.get(environment)
                .bind(
                        "opennrm.cross-border.nrm-organisations",
                        org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElse(Map.of())
                .forEach((code, name) -> nrmOrganisations.put(code.toUpperCase(java.util.Locale.ROOT), name.strip()));
        Binder.get(environment)
                .bind(
                        "opennrm.cross-border.trusted-keys-expire",
                        org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElse(Map.of())
                .forEach((code, day) ->
                        expiries.put(code.toUpperCase(java.util.Locale.ROOT), java.time.LocalDate.parse(day.strip())));
    }

    /**
     * The fingerprint of a public key (base64 X.509) that two NRMs read to each other by phone before trusting it:
     * SHA-256 of the key's bytes, in hexadecimal groups of four.
     */
    public static String fingerprint(String publicKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getDecoder().decode(publicKey.strip()));
            String hex = java.util.HexFormat.of().withUpperCase().formatHex(digest);
            return String.join(" ", hex.split("(?<=\\G.{4})"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** This installation's fingerprint, to read to the NRMs that receive its packages. */
    public String fingerprint() {
        return fingerprint(publicKey());
    }

    /**
     * Whether the trusted key of a country has passed the last day agreed for it
     * ({@code opennrm.cross-border.trusted-keys-expire.<COUNTRY>=YYYY-MM-DD}); a key with no day does not expire.
     */
    boolean expired(String senderCountry, java.time.LocalDate today) {
        var last = senderCountry == null ? null : expiries.get(senderCountry.toUpperCase(java.util.Locale.ROOT));
        return last != null && today.isAfter(last);
    }

    /**
     * The name under which the NRM of another country is registered as a partner organisation
     * ({@code opennrm.cross-border.nrm-organisations.<COUNTRY>}): the person's consent to share with that
     * organisation is what allows a package to that country.
     */
    Optional<String> nrmOrganisation(String country) {
        return Optional.ofNullable(country).map(code -> nrmOrganisations.get(code.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The country code this installation signs as. */
    public String country() {
        return country;
    }

    /** This installation's public key, base64 X.509, to give to the NRMs that receive its packages. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    String sign(String canonical) {
        try {
            var signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether the signature was made by the trusted key of the sending country. */
    boolean verify(String senderCountry, String canonical, String signature) {
        var key = Optional.ofNullable(senderCountry)
                .map(code -> trusted.get(code.toUpperCase(java.util.Locale.ROOT)))
                .orElse(null);
        if (key == null || signature == null || signature.isBlank()) {
            return false;
        }
        try {
            var verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(canonical.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    boolean trusts(String senderCountry) {
        return senderCountry != null && trusted.containsKey(senderCountry.toUpperCase(java.util.Locale.ROOT));
    }

    private static KeyPair fromConfiguration(String privateKey) {
        try {
            var factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey secret = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            return new KeyPair(publicOf(secret), secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("opennrm.cross-border.private-key is not a base64 PKCS#8 Ed25519 key", e);
        }
    }

    private static KeyPair fromFile(Path folder) {
        var privateFile = folder.resolve("ed25519-private.b64");
        try {
            if (Files.exists(privateFile)) {
                org.opennrm.SecretFiles.requireOwnerOnly(privateFile, "cross-border signing key");
                return fromConfiguration(Files.readString(privateFile).strip());
            }
            Files.createDirectories(folder);
            var generated = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            // made empty and owner-only first, then written: the key is never readable by others, not even briefly
            Files.deleteIfExists(privateFile);
            if (posix(folder)) {
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.writeString(
                    privateFile,
                    Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()));
            Files.writeString(
                    folder.resolve("ed25519-public.b64"),
                    Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()));
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private static final java.util.Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The JDK derives no public key from an Ed25519 private key directly; its PKCS#8 v2 form may carry it, else we store it. */
    private static PublicKey publicOf(PrivateKey secret) {
        try {
            // an Ed25519 public key is the last 32 bytes of the X.509 encoding; derive it through the key pair
            // generator seeded with the private key bytes
            var edSecret = (java.security.interfaces.EdECPrivateKey) secret;
            byte[] seed = edSecret.getBytes().orElseThrow();
            var generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(java.security.spec.NamedParameterSpec.ED25519, new FixedSeed(seed));
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 public key could not be derived", e);
        }
    }

    private static PublicKey publicKey(String encoded) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A trusted cross-border key is not a base64 X.509 Ed25519 key", e);
        }
    }

    /** Hands the generator the private key's own seed, so that it derives that key's public half. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
