package org.opennrm.access;

import java.util.Iterator;
import java.util.List;
import org.opennrm.access.AuditVerificationReport.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One walk along a stretch of the chain in sequence order: recomputes every hash (keyed, or plain SHA-256 for the
 * seals written before version 240), follows every link, notices missing sequence numbers, and compares the chain
 * with the signed checkpoints it passes. Used by a full verification and, before a new checkpoint is signed, over
 * the stretch since the last one, so that a checkpoint never signs a chain that does not extend the one signed
 * before.
 *
 * <p>Reads in pages by sequence, so that memory stays constant however long the trail grows; the checkpoints come
 * as a stream in ascending order for the same reason.
 */
final class ChainWalk {

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final int pageSize;

    /** Where the walk is, what it expects next and what broke first. */
    long expected;

    String previousHash;
    long checked;
    long problems;
    Long firstBroken;
    Problem problem;
    long lastSequence;
    String lastHash;
    long checkpointsChecked;
    Long latestCheckpoint;

    /** After this sequence every seal must be keyed (the first checkpoint's); {@code null} when unknown. */
    private final Long keyedAfter;

    private boolean keyedSeen;
    private AuditCheckpoints.Checkpoint nextCheckpoint;
    private final Iterator<AuditCheckpoints.Checkpoint> checkpoints;

    /**
     * @param after the sequence the walk starts after (0 for the whole chain), whose hash is {@code afterHash}
     * @param keyedAfter after which sequence every seal must be keyed, {@code null} when no checkpoint says so
     * @param checkpoints valid checkpoints in ascending sequence order
     */
    ChainWalk(
            JdbcClient jdbc,
            AuditKey key,
            int pageSize,
            long after,
            String afterHash,
            Long keyedAfter,
            Iterator<AuditCheckpoints.Checkpoint> checkpoints) {
        this.jdbc = jdbc;
        this.key = key;
        this.pageSize = pageSize;
        this.expected = after + 1;
        this.previousHash = afterHash;
        this.lastSequence = after;
        this.lastHash = afterHash;
        this.keyedAfter = keyedAfter;
        this.checkpoints = checkpoints;
        advanceCheckpoint(after);
    }

    /** Walks up to and including {@code head}; then compares with the checkpoints beyond what it found. */
    ChainWalk upTo(long head) {
        long after = expected - 1;
        while (after < head) {
            // seal first, entry joined: a seal whose entry was deleted leaves a gap, reported as a missing entry
            List<Sealed> page = jdbc.sql("select " + AuditVerification.COLUMNS + ", scheme from access.audit_seal seal"
                            + " join access.audit_entry entry on entry.id = seal.entry_id"
                            + " where sequence > :after and sequence <= :head order by sequence limit :size")
                    .param("after", after)
                    .param("head", head)
                    .param("size", pageSize)
                    .query((rs, row) -> new Sealed(
                            AuditVerification.entry(rs, row), AuditChain.KEYED.equals(rs.getString("scheme"))))
                    .list();
            if (page.isEmpty()) {
                break;
            }
            page.forEach(this::check);
            after = page.getLast().entry().sequence();
        }
        if (expected <= head && firstBroken == null) {
            // the last entries up to the head are gone (deleted after the head was read)
            broken(expected, Problem.ENTRY_MISSING);
        }
        // what the walk did not pass lies beyond the last entry found: a signed checkpoint there says that the
        // newest entries were cut off
        if (nextCheckpoint != null) {
            broken(lastSequence + 1, Problem.TAIL_CUT);
            checkpointsChecked++;
            latestCheckpoint = nextCheckpoint.sequence();
            while (checkpoints.hasNext()) {
                checkpointsChecked++;
                latestCheckpoint = checkpoints.next().sequence();
            }
            nextCheckpoint = null;
        }
        return this;
    }

    boolean intact() {
        return firstBroken == null;
    }

    private void check(Sealed sealed) {
        AuditEntry entry = sealed.entry();
        checked++;
        if (entry.sequence() != expected) {
            broken(expected, Problem.ENTRY_MISSING);
        } else if (!entry.previousHash().equals(previousHash)) {
            broken(entry.sequence(), Problem.LINK_BROKEN);
        } else if (!sealed.keyed() && (keyedSeen || (keyedAfter != null && entry.sequence() > keyedAfter))) {
            // a plain hash where only keyed ones may be: someone without the key re-hashed the chain
            broken(entry.sequence(), Problem.NOT_KEYED);
        } else if (entry.action() == null || !hashOf(entry, sealed.keyed()).equals(entry.hash())) {
            broken(entry.sequence(), Problem.CONTENT_CHANGED);
        }
        keyedSeen |= sealed.keyed();
        while (nextCheckpoint != null && nextCheckpoint.sequence() <= entry.sequence()) {
            checkpointsChecked++;
            latestCheckpoint = nextCheckpoint.sequence();
            if (nextCheckpoint.sequence() == entry.sequence()
                    && !nextCheckpoint.hash().equals(entry.hash())) {
                broken(entry.sequence(), Problem.CHECKPOINT_MISMATCH);
            }
            nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
        }
        // go on from what is stored, so that one break is reported once, not at every later entry
        expected = entry.sequence() + 1;
        previousHash = entry.hash();
        lastSequence = entry.sequence();
        lastHash = entry.hash();
    }

    private String hashOf(AuditEntry entry, boolean keyed) {
        return keyed
                ? key.mac(AuditTrail.canonical(entry, entry.previousHash()))
                : AuditTrail.hashOf(entry, entry.previousHash());
    }

    /** Skips the checkpoints at or before a sequence the walk does not look at (before its start). */
    private void advanceCheckpoint(long passed) {
        nextCheckpoint = null;
        while (checkpoints.hasNext()) {
            var next = checkpoints.next();
            if (next.sequence() > passed) {
                nextCheckpoint = next;
                return;
            }
            if (next.sequence() == passed) {
                // the start of a walk (0: the genesis) is compared like every other entry
                checkpointsChecked++;
                latestCheckpoint = next.sequence();
                if (!next.hash().equals(previousHash)) {
                    broken(passed, Problem.CHECKPOINT_MISMATCH);
                }
            }
        }
    }

    void broken(long sequence, Problem what) {
        problems++;
        if (firstBroken == null) {
            firstBroken = sequence;
            problem = what;
        }
    }

    private record Sealed(AuditEntry entry, boolean keyed) {}
}
