package org.opennrm.notifications;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.opennrm.access.Actor;
import org.opennrm.access.Recipients.Recipient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications of each person: recorded for the recipients of an event (with an e-mail in the outbox for each
 * recipient who has an address, when e-mail is on), listed for their owner and marked read by them. A person only
 * ever sees and changes their own.
 */
@Service
public class Notifications {

    /** The most notifications listed on the page; older ones stay stored. */
    static final int LISTED = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean mailEnabled;
    private final String mailLanguage;

    Notifications(
            JdbcClient jdbc,
            Clock clock,
            @Value("${opennrm.mail.enabled:false}") boolean mailEnabled,
            @Value("${opennrm.mail.language:en}") String mailLanguage) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mailEnabled = mailEnabled;
        this.mailLanguage = mailLanguage;
    }

    /**
     * Tells each recipient once about the fact {@code factId}: the notification's id is derived from kind, fact and
     * account, so an event handed to the listener again (after a restart) adds nothing.
     */
    @Transactional
    public void tell(List<Recipient> recipients, NotificationKind kind, UUID factId, String link) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (var recipient : recipients) {
            var chosen = preferenceOf(recipient.accountId(), kind);
            if (!chosen.onPlatform() && !chosen.byEmail()) {
                continue; // the person chose not to be told of this kind
            }
            var id = UUID.nameUUIDFromBytes(
                    (kind + ":" + factId + ":" + recipient.accountId()).getBytes(StandardCharsets.UTF_8));
            int added = jdbc.sql("""
                            insert into notifications.notification (id, account_id, kind, link, created_at, read_at)
                            values (:id, :account, :kind, :link, :now, :readAt) on conflict (id) do nothing""")
                    .param("id", id)
                    .param("account", recipient.accountId())
                    .param("kind", kind.name())
                    .param("link", link)
                    .param("now", Timestamp.from(now))
                    // chosen by e-mail only: recorded for the e-mail's link, but not shown as new on the platform
                    .param("readAt", chosen.onPlatform() ? null : Timestamp.from(now))
                    .update();
            if (added == 1 && chosen.byEmail() && mailEnabled && recipient.email() != null) {
                jdbc.sql("""
                                insert into notifications.outbox (id, notification_id, recipient, language, next_attempt_at)
                                values (:id, :notification, :recipient, :language, :now)""")
                        .param("id", UUID.randomUUID())
                        .param("notification", id)
                        .param("recipient", recipient.email())
                        .param("language", mailLanguage)
                        .param("now", Timestamp.from(now))
                        .update();
            }
        }
    }

    /** The signed-in person's choices, one per kind (the default where they chose nothing). */
    @Transactional(readOnly = true)
    public List<Preference> myPreferences() {
        var me = me();
        return java.util.Arrays.stream(NotificationKind.values())
                .map(kind -> preferenceOf(me, kind))
                .toList();
    }

    /** Saves the signed-in person's choices. */
    @Transactional
    public void choose(List<Preference> preferences) {
        var me = me();
        for (var preference : preferences) {
            jdbc.sql("""
                            insert into notifications.preference (account_id, kind, on_platform, by_email)
                            values (:account, :kind, :platform, :email)
                            on conflict (account_id, kind) do update set on_platform = excluded.on_platform,
                                by_email = excluded.by_email""")
                    .param("account", me)
                    .param("kind", preference.kind().name())
                    .param("platform", preference.onPlatform())
                    .param("email", preference.byEmail())
                    .update();
        }
    }

    private Preference preferenceOf(UUID account, NotificationKind kind) {
        return jdbc.sql("""
                        select on_platform, by_email from notifications.preference
                        where account_id = :account and kind = :kind""")
                .param("account", account)
                .param("kind", kind.name())
                .query((rs, n) -> new Preference(kind, rs.getBoolean("on_platform"), rs.getBoolean("by_email")))
                .optional()
                .orElse(Preference.defaultFor(kind));
    }

    /** The signed-in person's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine() {
        return jdbc.sql("""
                        select id, kind, link, created_at, read_at from notifications.notification
                        where account_id = :account order by created_at desc, id limit :limit""")
                .param("account", me())
                .param("limit", LISTED)
                .query((rs, n) -> new Notification(
                        rs.getObject("id", UUID.class),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return jdbc.sql(
                        "select count(*) from notifications.notification where account_id = :account and read_at is null")
                .param("account", me())
                .query(Long.class)
                .single();
    }

    /**
     * Marks one of the person's notifications read and gives its link; empty for anyone else's (which is not
     * told apart from one that does not exist).
     */
    @Transactional
    public java.util.Optional<String> open(UUID id) {
        var link = jdbc.sql("""
                        update notifications.notification set read_at = coalesce(read_at, :now)
                        where id = :id and account_id = :account returning link""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("account", me())
                .query(String.class)
                .optional();
        return link;
    }

    @Transactional
    public int markAllRead() {
        return jdbc.sql("""
                        update notifications.notification set read_at = :now
                        where account_id = :account and read_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("account", me())
                .update();
    }

    private static UUID me() {
        return Actor.current()
                .orElseThrow(() -> new AccessDeniedException("Not signed in"))
                .accountId();
    }
}
