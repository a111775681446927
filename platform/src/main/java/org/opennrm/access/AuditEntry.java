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

    /** This entry with its place in the chain; its own hash is made by whoever seals it. */
    AuditEntry numbered(long sequence, String previousHash) {
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
                null);
    }
}
