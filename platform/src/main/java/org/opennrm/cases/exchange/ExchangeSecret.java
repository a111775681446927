package org.opennrm.cases.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.opennrm.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The secret behind exchange pseudonyms (a case's pseudonym for a receiver is HMAC-SHA256 of receiver and case under
 * it), kept apart from the database like the other keys: {@code opennrm.exchange.secret} when set, otherwise the file
 * {@code exchange-secret} in the data folder, readable by its owner only. Whoever holds the database and a receiver's
 * file could otherwise compute every case's pseudonym and name the cases in the file.
 *
 * <p>Installations before this kept the secret in {@code cases.exchange_secret}. At start the secret found there is
 * written to the file (so that receivers keep following their cases from one export to the next) and removed from the
 * database; only backups made before keep it.
 */
@Component
class ExchangeSecret {

    private static final Logger log = LoggerFactory.getLogger(ExchangeSecret.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String configured;
    private final Path file;
    private volatile byte[] secret;

    ExchangeSecret(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Value("${opennrm.exchange.secret:}") String configured,
            @Value("${opennrm.exchange.secret-file:${opennrm.data-dir}/exchange-secret}") Path file) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.configured = configured;
        this.file = file;
    }

    /** At start, so that a secret left in the database by an earlier version leaves it at once. */
    @EventListener(ApplicationReadyEvent.class)
    void moveOutOfTheDatabase() {
        secret();
    }

    /** The secret's bytes (the text of the file or setting, as the pseudonyms have always been made from). */
    byte[] secret() {
        var known = secret;
        if (known == null) {
            synchronized (this) {
                known = secret;
                if (known == null) {
                    known = load().getBytes(StandardCharsets.UTF_8);
                    secret = known;
                }
            }
        }
        return known;
    }

    private String load() {
        if (StringUtils.hasText(configured)) {
            forgetTheDatabaseCopy();
            return configured.strip();
        }
        try {
            if (!Files.exists(file)) {
                String fromDatabase = jdbc.sql("select secret from cases.exchange_secret where id = 1")
                        .query(String.class)
                        .optional()
                        .orElse(null);
                create(fromDatabase != null ? fromDatabase : random());
            }
            SecretFiles.requireOwnerOnly(file, "exchange secret");
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.length() < 32) {
                throw new IllegalStateException("The exchange secret file " + file.toAbsolutePath() + " is too short");
            }
            forgetTheDatabaseCopy();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the exchange secret file " + file.toAbsolutePath(), e);
        }
    }

    /* only after the file holds the secret: a crash between the two leaves both, never neither */
    private void forgetTheDatabaseCopy() {
        int removed = transactions.execute(
                status -> jdbc.sql("delete from cases.exchange_secret").update());
        if (removed > 0) {
            log.info("The exchange secret was moved out of the database into its key file.");
        }
    }

    private static String random() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private void create(String content) throws IOException {
        // another node may make it first: then theirs is used, so that both make the same pseudonyms
        if (SecretFiles.createOwnerOnly(file, content + "\n")) {
            log.warn(
                    "The exchange secret is in {}. Keep it safe and backed up apart from the database: without it,"
                            + " receivers can no longer follow their cases from one export to the next.",
                    file.toAbsolutePath());
        }
    }
}
