package org.opennrm.access;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the audit trail, as stored. {@code sequence}, {@code previousHash} and {@code hash} are null until
 * the chain has sealed the entry (see {@link AuditChain}).
 */
public record AuditEntry(
        Long sequence,
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
