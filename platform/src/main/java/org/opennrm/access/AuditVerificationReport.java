package org.opennrm.access;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * What a check of the audit trail found: how many entries and signed checkpoints it checked, and whether the chain
 * is intact or where it first broke and why. The head (last sequence and hash) is what the next checkpoint will
 * sign; entries newer than the latest checkpoint are protected by their keyed hashes but could still be cut off
 * unseen until a checkpoint covers them.
 *
 * @param firstBrokenSequence the first sequence where the chain broke, {@code null} when intact
 * @param problem why it broke there, {@code null} when intact
 * @param problems how many places broke in all
 * @param checkpointsChecked how many signed checkpoints the chain was compared with
 * @param latestCheckpoint the sequence of the latest of them, {@code null} when there is none
 */
public record AuditVerificationReport(
        boolean intact,
        long entriesChecked,
        Long firstBrokenSequence,
        Problem problem,
        long problems,
        long lastSequence,
        String lastHash,
        long checkpointsChecked,
        Long latestCheckpoint,
        Instant verifiedAt,
        @JsonIgnore Duration duration) {

    /** Why the chain broke at an entry. */
    public enum Problem {
        /** The entry's content no longer matches its hash: it was edited. */
        CONTENT_CHANGED,
        /** The entry does not point at the hash of the entry before it: one of them was replaced. */
        LINK_BROKEN,
        /** No entry has this sequence number: it was deleted. */
        ENTRY_MISSING,
        /** The entry's hash is a plain one where only keyed hashes may be: the chain was re-hashed without the key. */
        NOT_KEYED,
        /** The chain's hash at a signed checkpoint is not the one signed: the chain was rewritten and re-hashed. */
        CHECKPOINT_MISMATCH,
        /** A signed checkpoint names an entry after the chain's end: the newest entries were cut off. */
        TAIL_CUT,
        /** A line of the checkpoint file does not carry a valid signature of the audit key. */
        CHECKPOINT_INVALID,
        /**
         * The chain starts after a pruning that no signed checkpoint or no pruning entry of the chain vouches for: its
         * oldest entries were removed by someone other than the retention job.
         */
        PRUNE_UNANCHORED
    }

    @JsonProperty("durationMillis")
    public long durationMillis() {
        return duration.toMillis();
    }

    /** One line for the audit entry of the check and for the command's output; codes and numbers only. */
    @JsonProperty("summary")
    public String summary() {
        if (intact) {
            return "intact: " + entriesChecked + " entries and " + checkpointsChecked + " checkpoints checked in "
                    + duration.toMillis() + " ms";
        }
        return "broken at sequence " + firstBrokenSequence + ": " + reason() + " (" + problems + " problems, "
                + entriesChecked + " entries checked in " + duration.toMillis() + " ms)";
    }

    private String reason() {
        return switch (problem) {
            case CONTENT_CHANGED -> "content changed";
            case LINK_BROKEN -> "link broken";
            case ENTRY_MISSING -> "entry missing";
            case NOT_KEYED -> "hash not keyed";
            case CHECKPOINT_MISMATCH -> "differs from a signed checkpoint";
            case TAIL_CUT -> "newest entries cut off";
            case CHECKPOINT_INVALID -> "checkpoint signature invalid";
            case PRUNE_UNANCHORED -> "oldest entries removed without a signed pruning";
        };
    }
}
