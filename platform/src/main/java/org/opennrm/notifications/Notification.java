package org.opennrm.notifications;

import java.time.Instant;
import java.util.UUID;

/** One notification as its owner sees it: what, where to go, when, and whether they have seen it. */
public record Notification(UUID id, NotificationKind kind, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
