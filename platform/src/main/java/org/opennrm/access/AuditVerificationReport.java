package org.opennrm.access;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * What a check of the audit trail found: how many entries it checked, and whether the chain is intact
 * or where it first broke and why. The head (last sequence and hash) lets an operator keep a copy
 * outside the database and so notice entries cut off at the end.
 *
 * @param firstBrokenSequence the first sequence where the chain broke, {@code null} when intact
 * @param problem why it broke there, {@code null} when intact
 * @param problems how many places broke in all
 */
public record AuditVerificationReport(
        boolean intact,
        long entriesChecked,
        Long firstBrokenSequence,
        Problem problem,
        long problems,
        long lastSequence,
        String lastHash,
        Instant verifiedAt,
        @JsonIgnore Duration duration) {

    /** Why the chain broke at an entry. */
    public enum Problem {
        /** The entry's content no longer matches its hash: it was edited. */
        CONTENT_CHANGED,
        /** The entry does not point at the hash of the entry before it: one of them was replaced. */
        LINK_BROKEN,
        /** No entry has this sequence number: it was deleted. */
        ENTRY_MISSING
    }

    @JsonProperty("durationMillis")
    public long durationMillis() {
        return duration.toMillis();
    }

    /** One line for the audit entry of the check and for the command's output; codes and numbers only. */
    @JsonProperty("summary")
    public String summary() {
        if (intact) {
            return "intact: " + entriesChecked + " entries checked in " + duration.toMillis() + " ms";
        }
        return "broken at sequence " + firstBrokenSequence + ": " + reason() + " (" + problems + " problems, "
                + entriesChecked + " entries checked in " + duration.toMillis() + " ms)";
    }

    private String reason() {
        return switch (problem) {
            case CONTENT_CHANGED -> "content changed";
            case LINK_BROKEN -> "link broken";
            case ENTRY_MISSING -> "entry missing";
        };
    }
}
