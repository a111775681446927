package org.opennrm.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the oldest entries of the audit trail once they are older than the jurisdiction's period, without making
 * the trail any easier to rewrite unseen. The trail is cut only at a signed checkpoint (the hash there covers every
 * entry before it, and the checkpoint file lives outside the database), only when the chain up to that checkpoint
 * verifies, and the cut is itself recorded twice: as a row of {@code access.audit_prune} (where verification starts
 * from then on) and as an {@link AuditAction#AUDIT_PRUNED} entry of the chain, whose keyed hash nobody without the
 * audit key can make. Verification ({@link AuditVerification}) requires both to agree with a signed checkpoint, so
 * entries deleted beyond the cut, or a cut that the platform did not make, are reported.
 */
@Service
public class AuditRetention {

    /** What one pruning removed: entries sealed up to {@code upTo}, whose hash is {@code hash}. */
    public record Pruned(long upTo, String hash, long entries) {

        String detail() {
            return "up-to=" + upTo + " hash=" + hash + " entries=" + entries;
        }
    }

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final AuditCheckpoints checkpoints;
    private final AuditKey key;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AuditRetention(
            JdbcClient jdbc,
            AuditChain chain,
            AuditCheckpoints checkpoints,
            AuditKey key,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.key = key;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Where the chain starts now: after the newest pruning, or at the genesis when nothing was pruned. */
    Optional<Start> start() {
        return jdbc.sql("select up_to_sequence, hash from access.audit_prune order by id desc limit 1")
                .query((rs, row) -> new Start(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    record Start(long sequence, String hash) {}

    /**
     * Removes the entries recorded before {@code cutoff}, up to the newest signed checkpoint whose entry is older than
     * the cutoff; nothing when no such checkpoint lies beyond the last pruning. Refused (an exception, nothing
     * removed) when the chain up to that checkpoint does not verify: a damaged trail is kept whole as evidence.
     */
    public Optional<Pruned> prune(Instant cutoff) {
        chain.seal();
        var start = start().orElse(new Start(0, AuditTrail.GENESIS));
        var target = newestCheckpointBefore(cutoff, start.sequence());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        var checkpoint = target.get();
        // the stretch to be removed must be the one the checkpoints signed
        ChainWalk walk;
        try (var lines = checkpoints.lines()) {
            var signed = new java.util.ArrayList<AuditCheckpoints.Checkpoint>();
            lines.forEachRemaining(line -> {
                if (checkpoints.signedByKey(line) && line.sequence() <= checkpoint.sequence()) {
                    signed.add(line);
                }
            });
            walk = new ChainWalk(
                            jdbc,
                            key,
                            AuditVerification.DEFAULT_PAGE_SIZE,
                            start.sequence(),
                            start.hash(),
                            null,
                            signed.iterator())
                    .upTo(checkpoint.sequence());
        }
        if (!walk.intact() || walk.lastSequence != checkpoint.sequence()) {
            throw new IllegalStateException("The audit chain does not verify up to the checkpoint at "
                    + checkpoint.sequence() + " (first problem at " + walk.firstBroken
                    + "): nothing is removed; run the verification");
        }
        return Optional.ofNullable(transactions.execute(status -> {
            jdbc.sql("select set_config('opennrm.audit_prune_up_to', :upTo, true)")
                    .param("upTo", Long.toString(checkpoint.sequence()))
                    .query()
                    .singleRow();
            // entries first, while their seals still say which they are
            long entries = jdbc.sql("""
                            delete from access.audit_entry
                            where id in (select entry_id from access.audit_seal where sequence <= :upTo)""").param("upTo", checkpoint.sequence()).update();
            jdbc.sql("delete from access.audit_seal where sequence <= :upTo")
                    .param("upTo", checkpoint.sequence())
                    .update();
            var pruned = new Pruned(checkpoint.sequence(), checkpoint.hash(), entries);
            jdbc.sql("""
                            insert into access.audit_prune (up_to_sequence, hash, entries, pruned_at)
                            values (:upTo, :hash, :entries, :at)""")
                    .param("upTo", pruned.upTo())
                    .param("hash", pruned.hash())
                    .param("entries", entries)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            audit.recordFor(null, null, null, AuditAction.AUDIT_PRUNED, pruned.detail());
            return pruned;
        }));
    }

    /** The newest validly signed checkpoint after {@code after} whose entry was recorded before the cutoff. */
    private Optional<AuditCheckpoints.Checkpoint> newestCheckpointBefore(Instant cutoff, long after) {
        AuditCheckpoints.Checkpoint[] newest = {null};
        try (var lines = checkpoints.lines()) {
            lines.forEachRemaining(line -> {
                if (line.sequence() > after
                        && checkpoints.signedByKey(line)
                        && (newest[0] == null || line.sequence() > newest[0].sequence())
                        && recordedBefore(line.sequence(), cutoff)) {
                    newest[0] = line;
                }
            });
        }
        return Optional.ofNullable(newest[0]);
    }

    private boolean recordedBefore(long sequence, Instant cutoff) {
        return jdbc.sql("select recorded_at < :cutoff from access.audit_trail where sequence = :sequence")
                .param("cutoff", Timestamp.from(cutoff))
                .param("sequence", sequence)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
