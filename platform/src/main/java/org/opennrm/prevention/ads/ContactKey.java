package org.opennrm.prevention.ads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The key of the contacts' keyed hash (HMAC-SHA-256): ads that give the same normalised contact are linked by the hash,
 * which a stolen database alone cannot reverse by trying phone numbers. The organisation is part of what is hashed, so
 * that the same number in two agencies' collections gives two unrelated hashes. The key is {@code
 * opennrm.ads.contact-key} (64 hexadecimal characters) when set, otherwise a file in the data directory made on the
 * first start, as the linkage secret is; lose it and new imports no longer link to old ones.
 */
@Component
class ContactKey {

    private static final Logger log = LoggerFactory.getLogger(ContactKey.class);

    private final SecretKeySpec key;

    ContactKey(
            @Value("${opennrm.ads.contact-key:}") String configured,
            @Value("${opennrm.ads.contact-key-file:${opennrm.data-dir}/ads-contact-key}") Path file) {
        this.key = new SecretKeySpec(
                HexFormat.of().parseHex(StringUtils.hasText(configured) ? configured.strip() : fromFile(file)),
                "HmacSHA256");
    }

    /** The keyed hash of a normalised contact of an organisation, as 64 hexadecimal characters. */
    String of(UUID organisation, Contacts.Kind kind, String normalised) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal((organisation + "|" + kind + "|" + normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.toAbsolutePath().getParent());
                org.opennrm.SecretFiles.createOwnerOnly(file, HexFormat.of().formatHex(random));
                log.warn(
                        "No key for the ads' contact hashes given: created one in {}. Keep it safe and backed up apart"
                                + " from the database; without it new ads no longer link to the contacts of old ones.",
                        file.toAbsolutePath());
            }
            org.opennrm.SecretFiles.requireOwnerOnly(file, "ads contact key");
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the ads contact key " + file.toAbsolutePath(), e);
        }
    }
}
