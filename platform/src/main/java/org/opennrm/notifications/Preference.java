package org.opennrm.notifications;

/** What a person chose to be told of one kind of notification: on the platform, by e-mail (both by default). */
public record Preference(NotificationKind kind, boolean onPlatform, boolean byEmail) {

    static Preference defaultFor(NotificationKind kind) {
        return new Preference(kind, true, true);
    }
}
