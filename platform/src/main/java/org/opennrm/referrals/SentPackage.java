package org.opennrm.referrals;

import java.time.Instant;
import java.util.UUID;

/**
 * A package this NRM sent to another country's NRM, and the answer its notice brought: {@code outcome} is null until
 * a notice is read, then {@code IMPORTED} or {@code REJECTED} (with the receiver's reason).
 */
public record SentPackage(
        UUID packageId,
        UUID caseId,
        String caseReference,
        String receiverCountry,
        Instant sentAt,
        String outcome,
        String reason,
        Instant answeredAt) {

    public boolean answered() {
        return outcome != null;
    }

    @Override
    public String toString() {
        return "SentPackage[" + packageId + "]";
    }
}
