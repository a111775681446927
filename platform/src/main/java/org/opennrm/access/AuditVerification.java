package org.opennrm.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks that nobody edited, deleted, re-hashed or cut off entries of the audit trail: walks the chain in sequence
 * order, recomputes every hash (keyed with the {@link AuditKey}; plain SHA-256 for seals written before version 240
 * of the schema), checks each entry's link to the one before and that no sequence number is missing, and compares
 * the chain with the signed checkpoints published outside the database ({@link AuditCheckpoints}): a checkpoint
 * whose hash the chain no longer has at its sequence, or that lies beyond the chain's end, is reported.
 *
 * <p>Reads the chain in pages by sequence and the checkpoint file line by line, so that memory stays constant
 * however long the trail grows. A check is itself recorded ({@link AuditAction#AUDIT_VERIFIED}), after it ran, so
 * that the entry it adds is checked next time.
 */
@Service
public class AuditVerification {

    static final int DEFAULT_PAGE_SIZE = 10_000;

    static final String COLUMNS = """
            sequence, recorded_at, account_id, username, organisation_id, action, record_type, record_id, detail,
            remote_address, previous_hash, hash""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;
    private final Clock clock;
    private final int pageSize;

    @Autowired
    AuditVerification(
            JdbcClient jdbc,
            AuditTrail audit,
            AuditChain chain,
            AuditKey key,
            AuditCheckpoints checkpoints,
            Clock clock) {
        this(jdbc, audit, chain, key, checkpoints, clock, DEFAULT_PAGE_SIZE);
    }

    AuditVerification(
            JdbcClient jdbc,
            AuditTrail audit,
            AuditChain chain,
            AuditKey key,
            AuditCheckpoints checkpoints,
            Clock clock,
            int pageSize) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.chain = chain;
        this.key = key;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * Verifies the whole chain as it stands when the check starts, then records the check. Callers
     * authorise: the pages and the API need {@code audit:read:all}; the command runs as the operator.
     */
    public AuditVerificationReport verify() {
        long started = System.nanoTime();
        Instant at = clock.instant();
        // what was recorded before the check started belongs in the check: seal it first
        chain.seal();
        // entries appended while the check runs are left for the next check: the walk must end
        long head = jdbc.sql("select coalesce(max(sequence), 0) from access.audit_seal")
                .query(Long.class)
                .single();
        ChainWalk walk;
        long invalid;
        try (var lines = checkpoints.lines()) {
            var signed = new SignedBefore(lines, at);
            // the first checkpoint was signed by a platform that keys every seal: no plain hash may follow it
            Long keyedAfter = signed.hasNext() ? signed.peek().sequence() : null;
            // after retention pruned the oldest entries the chain starts at the pruned checkpoint, not the genesis
            var start = jdbc.sql("select up_to_sequence, hash from access.audit_prune order by id desc limit 1")
                    .query((rs, row) -> new AuditRetention.Start(rs.getLong(1), rs.getString(2)))
                    .optional();
            long after = start.map(AuditRetention.Start::sequence).orElse(0L);
            String afterHash = start.map(AuditRetention.Start::hash).orElse(AuditTrail.GENESIS);
            walk = new ChainWalk(jdbc, key, pageSize, after, afterHash, keyedAfter, signed).upTo(head);
            if (start.isPresent() && !pruneAnchored(start.get(), at)) {
                walk.broken(after, AuditVerificationReport.Problem.PRUNE_UNANCHORED);
            }
            invalid = signed.invalid;
            if (invalid > 0) {
                walk.broken(signed.firstInvalid, AuditVerificationReport.Problem.CHECKPOINT_INVALID);
            }
        }
        var report = new AuditVerificationReport(
                walk.intact(),
                walk.checked,
                walk.firstBroken,
                walk.problem,
                walk.problems,
                walk.lastSequence,
                walk.lastHash,
                walk.checkpointsChecked,
                walk.latestCheckpoint,
                at,
                Duration.ofNanos(System.nanoTime() - started));
        audit.record(AuditAction.AUDIT_VERIFIED, "audit", null, report.summary());
        return report;
    }

    /**
     * Whether a pruning is the retention job's: a checkpoint signed by this key has its sequence and hash, and the
     * chain (whose entries the walk checks against the key) holds the job's entry saying so.
     */
    private boolean pruneAnchored(AuditRetention.Start start, Instant at) {
        boolean signedThere = false;
        try (var lines = checkpoints.lines()) {
            while (lines.hasNext() && !signedThere) {
                var line = lines.next();
                signedThere = line.sequence() == start.sequence()
                        && line.hash().equals(start.hash())
                        && !line.at().isAfter(at)
                        && checkpoints.signedByKey(line);
            }
        }
        long recorded = jdbc.sql("select count(*) from access.audit_trail"
                        + " where action = :action and sequence > :sequence and detail like :detail")
                .param("action", AuditAction.AUDIT_PRUNED.name())
                .param("sequence", start.sequence())
                .param("detail", "up-to=" + start.sequence() + " hash=" + start.hash() + " %")
                .query(Long.class)
                .single();
        return signedThere && recorded > 0;
    }

    /**
     * The checkpoints of the file that this key signed before the check started, in file order. A line signed by
     * another key, or whose signature does not verify, is counted as invalid and otherwise ignored; a line signed
     * after the check started is ignored, since it may name entries sealed after the check read the chain's head.
     */
    private final class SignedBefore implements java.util.Iterator<AuditCheckpoints.Checkpoint> {

        private final java.util.Iterator<AuditCheckpoints.Checkpoint> lines;
        private final Instant started;
        private AuditCheckpoints.Checkpoint next;
        long invalid;
        long firstInvalid;

        SignedBefore(java.util.Iterator<AuditCheckpoints.Checkpoint> lines, Instant started) {
            this.lines = lines;
            this.started = started;
            advance();
        }

        private void advance() {
            next = null;
            while (lines.hasNext()) {
                var line = lines.next();
                if (!checkpoints.signedByKey(line)) {
                    if (invalid++ == 0) {
                        firstInvalid = line.sequence();
                    }
                } else if (!line.at().isAfter(started)) {
                    next = line;
                    return;
                }
            }
        }

        AuditCheckpoints.Checkpoint peek() {
            return next;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public AuditCheckpoints.Checkpoint next() {
            if (next == null) {
                throw new java.util.NoSuchElementException();
            }
            var current = next;
            advance();
            return current;
        }
    }

    /** An action no version of the platform writes can only come from an edit: the hash check reports it. */
    private static AuditAction actionOf(String stored) {
        try {
            return AuditAction.valueOf(stored);
        } catch (IllegalArgumentException edited) {
            return null;
        }
    }

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getObject("sequence", Long.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getObject("account_id", UUID.class),
                rs.getString("username"),
                rs.getObject("organisation_id", UUID.class),
                actionOf(rs.getString("action")),
                rs.getString("record_type"),
                rs.getString("record_id"),
                rs.getString("detail"),
                rs.getString("remote_address"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
