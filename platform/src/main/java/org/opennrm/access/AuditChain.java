package org.opennrm.access;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals audit entries into the hash chain: gives each committed, unsealed entry the next sequence number, the
 * hash of the entry before it and its own keyed hash (HMAC-SHA256 under the {@link AuditKey}, which the database
 * never sees), in the order of insertion among the entries it finds. The seal is
 * a row of its own ({@code access.audit_seal}, appended, never changed); the entry is never touched.
 *
 * <p>Why after commit and not at insert: chaining at insert needs the chain's head, so every recording
 * transaction had to hold one lock until it ended, and audited reads of case files queued behind each other.
 * Sealing runs in its own short transactions under that lock, every {@code opennrm.audit.seal-interval}
 * (default 200 ms) and before every verification; on several nodes the lock lets one sealer work at a time.
 * An entry that is committed but not yet sealed is still protected by the append-only trigger; it waits in
 * {@code access.audit_unsealed}, where the statement that wrote it queued it.
 */
@Component
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

    // one lock id for the whole chain: entries must be sealed one batch at a time to stay chained
    private static final long CHAIN_LOCK = 0x0A0D17L;
    private static final int BATCH = 1_000;

    /** How {@link AuditKey#mac} hashes are named in {@code access.audit_seal.scheme}. */
    static final String KEYED = "hmac-sha256";
    /** How the unkeyed SHA-256 hashes of seals written before version 240 are named. */
    static final String UNKEYED = "sha256";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditKey key;

    AuditChain(JdbcClient jdbc, PlatformTransactionManager transactions, AuditKey key) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.key = key;
    }

    /** The newest seal: its sequence number (0 before the first) and hash. */
    Head head() {
        return jdbc.sql("select sequence, hash from access.audit_seal order by sequence desc limit 1")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(new Head(0, AuditTrail.GENESIS));
    }

    record Head(long sequence, String hash) {}

    @Scheduled(fixedDelayString = "${opennrm.audit.seal-interval:200ms}")
    void sealPeriodically() {
        try {
            seal();
        } catch (RuntimeException e) {
            // the entries stay unsealed and the next run takes them; the database may be down for a moment
            log.warn(
                    "Sealing the audit chain failed ({}); will try again",
                    e.getClass().getSimpleName());
        }
    }

    /** Seals every entry committed so far; returns how many it sealed. */
    public long seal() {
        long sealed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> sealBatch());
            sealed += batch;
            if (batch < BATCH) {
                return sealed;
            }
        }
    }

    private int sealBatch() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", CHAIN_LOCK)
                .query()
                .singleRow();
        // the queue holds committed entries only: an entry and its place in the queue are written by one statement
        List<Long> queued =
                jdbc.sql("""
                        delete from access.audit_unsealed
                        where entry_id in (select entry_id from access.audit_unsealed order by entry_id limit :batch)
                        returning entry_id""").param("batch", BATCH).query(Long.class).list();
        if (queued.isEmpty()) {
            return 0;
        }
        List<AuditEntryRow> unsealed = jdbc.sql("select id, " + AuditVerification.COLUMNS
                        + " from access.audit_trail where id = any(:ids) order by id")
                .param("ids", queued.toArray(Long[]::new))
                .query((rs, row) -> new AuditEntryRow(rs.getLong("id"), AuditVerification.entry(rs, row)))
                .list();
        var head = head();
        long sequence = head.sequence();
        String previous = head.hash();
        int n = unsealed.size();
        var ids = new Long[n];
        var sequences = new Long[n];
        var previousHashes = new String[n];
        var hashes = new String[n];
        for (int i = 0; i < n; i++) {
            var row = unsealed.get(i);
            sequence++;
            String hash = key.mac(AuditTrail.canonical(row.entry().numbered(sequence, previous), previous));
            ids[i] = row.id();
            sequences[i] = sequence;
            previousHashes[i] = previous;
            hashes[i] = hash;
            previous = hash;
        }
        // appended, never updated: sealing an entry used to update it, which wrote the entry and its indexes twice
        jdbc.sql("""
                        insert into access.audit_seal (sequence, entry_id, previous_hash, hash, scheme)
                        select *, :scheme from unnest(:sequences::bigint[], :ids::bigint[], :previousHashes::varchar[],
                            :hashes::varchar[])""")
                .param("scheme", KEYED)
                .param("ids", ids)
                .param("sequences", sequences)
                .param("previousHashes", previousHashes)
                .param("hashes", hashes)
                .update();
        // a full batch says there may be more; the caller goes on until a batch comes back short
        return queued.size();
    }

    private record AuditEntryRow(long id, AuditEntry entry) {}
}
