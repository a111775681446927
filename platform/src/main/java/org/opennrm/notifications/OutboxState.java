package org.opennrm.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The e-mail outbox as administrators see it: how many e-mails are pending, sent and failed, whether a mail server
 * is configured, and the latest errors (no address, no content).
 */
record OutboxState(Map<Status, Long> counts, List<Failure> failures, boolean serverConfigured) {

    enum Status {
        PENDING,
        SENT,
        FAILED
    }

    record Failure(UUID id, NotificationKind kind, int attempts, String error, Instant nextAttemptAt, Status status) {}
}
