package org.opennrm.access;

import java.time.Duration;
import java.util.List;

/**
 * What a completed key rotation did: which key encrypts now, which old keys it removed, how many values
 * it re-encrypted, and whether the new keyset was written to the key file or must be stored by the
 * operator (when it came from {@code OPENNRM_IDENTITY_KEYSET}).
 */
public record KeyRotationResult(
        long previousPrimaryKeyId,
        long newPrimaryKeyId,
        List<Long> removedKeyIds,
        long valuesReEncrypted,
        long valuesAlreadyCurrent,
        int columns,
        boolean keysetWrittenToFile,
        Duration duration) {

    /** One line for the audit entry and the command's output: key ids and counts only. */
    public String summary() {
        return "key " + newPrimaryKeyId + " is primary (was " + previousPrimaryKeyId + "); removed keys "
                + removedKeyIds + "; " + valuesReEncrypted + " values re-encrypted in " + columns + " columns in "
                + duration.toMillis() + " ms";
    }
}
