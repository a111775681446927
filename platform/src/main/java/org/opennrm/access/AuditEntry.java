package org.opennrm.access;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit trail, as stored. */
public record AuditEntry(
        long sequence,
        Instant recordedAt,
        UUID accountId,
        String username,
        UUID organisationId,
        AuditAction action,
        String recordType,
        String recordId,
        String detail,
        String remoteAddress,
        String previousHash,
        String hash) {

    AuditEntry chainedAfter(long sequence, String previousHash) {
        var numbered = new AuditEntry(
                sequence,
                recordedAt,
                accountId,
                username,
                organisationId,
                action,
                recordType,
                recordId,
                detail,
                remoteAddress,
                previousHash,
                null);
        return new AuditEntry(
                sequence,
                recordedAt,
                accountId,
                username,
                organisationId,
                action,
                recordType,
                recordId,
                detail,
                remoteAddress,
                previousHash,
                AuditTrail.hashOf(numbered, previousHash));
    }
}
