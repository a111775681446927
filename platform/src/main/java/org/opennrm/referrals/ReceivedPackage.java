package org.opennrm.referrals;

import java.time.Instant;
import java.util.UUID;

/**
 * A cross-border package received and verified, awaiting review, then imported as a new referral (the NRM opens
 * a case when it meets the person) or rejected.
 */
public record ReceivedPackage(UUID id, CrossBorderPackage contents, String status, Instant receivedAt) {

    public static final String PENDING = "PENDING";
    public static final String IMPORTED = "IMPORTED";
    public static final String REJECTED = "REJECTED";
}
