package org.opennrm.referrals;

import java.time.Instant;
import java.util.UUID;

/**
 * A cross-border package received and verified, awaiting review, then imported (a referral and a case opened at this
 * NRM, the sender's reference kept) or rejected with a reason; either way a notice to the sender is recorded.
 *
 * @param caseReference this NRM's reference of the case the import opened, or null
 */
public record ReceivedPackage(
        UUID id, CrossBorderPackage contents, String status, Instant receivedAt, UUID caseId, String caseReference) {

    ReceivedPackage(UUID id, CrossBorderPackage contents, String status, Instant receivedAt) {
        this(id, contents, status, receivedAt, null, null);
    }

    public static final String PENDING = "PENDING";
    public static final String IMPORTED = "IMPORTED";
    public static final String REJECTED = "REJECTED";
}
