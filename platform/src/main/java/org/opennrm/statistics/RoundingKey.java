package org.opennrm.statistics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The draw that decides which way random rounding goes for a cell: HMAC-SHA256 of the cell's definition under the
 * installation's secret rounding key, read as a number in [0, 1). The same cell gets the same draw in every table,
 * release and download, for ever (the key is kept in the database), so asking for many tables that share a cell and
 * averaging them finds the rounded value again, never the true one. Without the key nobody can tell which way a cell
 * was rounded.
 */
@Component
class RoundingKey {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile byte[] key;

    RoundingKey(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // the first rounding may come inside a read-only transaction (a table being read): the key is made apart
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A number in [0, 1) that is the same for the same definition, and uniform over definitions. */
    double draw(CellDefinition cell) {
        return draw(key(), cell);
    }

    /** The draw of a cell under a given key. */
    static double draw(byte[] key, CellDefinition cell) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(cell.canonical().getBytes(StandardCharsets.UTF_8));
            // 53 random bits, as many as a double holds exactly
            return (ByteBuffer.wrap(digest).getLong() >>> 11) * 0x1.0p-53;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // the first rounding of an installation makes its key; a concurrent first rounding reads the one that won
            known = ownTransaction.execute(status -> {
                jdbc.sql("insert into statistics.rounding_key (id, key) values (1, :key) on conflict (id) do nothing")
                        .param("key", fresh)
                        .update();
                return jdbc.sql("select key from statistics.rounding_key where id = 1")
                        .query(byte[].class)
                        .single();
            });
            key = known;
        }
        return known;
    }
}
