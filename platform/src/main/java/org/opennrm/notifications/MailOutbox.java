package org.opennrm.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mails of the outbox over SMTP ({@code spring.mail.*}). Each round takes a few pending e-mails that are
 * due, locked so that several platform nodes never send one twice, and sends each; a failure is retried with a
 * growing delay (1, 2, 4, ... minutes, at most an hour) and given up after {@value #ATTEMPTS} attempts (FAILED,
 * shown to administrators). An e-mail says what kind of work waits and links to the platform; it never carries a
 * name, a reference or case content, so a mailbox read by someone else betrays no one. Logs counts and ids only,
 * never an address.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    static final int ATTEMPTS = 8;
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;
    private final String publicUrl;

    MailOutbox(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> mailSender,
            MessageSource messages,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${opennrm.mail.from:opennrm@localhost}") String from,
            @Value("${opennrm.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
        this.from = from;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    private record Pending(
            UUID id, UUID notificationId, String recipient, String language, String kind, int attempts) {}

    /** One round: sends what is due; returns how many were sent (for tests and the log). */
    @Scheduled(
            fixedDelayString = "${opennrm.mail.send-interval:5s}",
            initialDelayString = "${opennrm.mail.send-interval:5s}")
    int sendDue() {
        var sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0; // e-mail is on but no SMTP server is configured: the outbox keeps them (see docs)
        }
        Integer sent = transactions.execute(status -> {
            var due = jdbc.sql("""
                            select o.id, o.notification_id, o.recipient, o.language, o.attempts, n.kind
                            from notifications.outbox o join notifications.notification n on n.id = o.notification_id
                            where o.status = 'PENDING' and o.next_attempt_at <= :now
                            order by o.next_attempt_at limit :batch for update of o skip locked""")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("batch", BATCH)
                    .query((rs, n) -> new Pending(
                            rs.getObject("id", UUID.class),
                            rs.getObject("notification_id", UUID.class),
                            rs.getString("recipient"),
                            rs.getString("language"),
                            rs.getString("kind"),
                            rs.getInt("attempts")))
                    .list();
            int done = 0;
            for (var mail : due) {
                done += send(sender, mail) ? 1 : 0;
            }
            return done;
        });
        return sent == null ? 0 : sent;
    }

    private boolean send(JavaMailSender sender, Pending mail) {
        var locale = Locale.forLanguageTag(mail.language());
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.recipient());
        message.setSubject(messages.getMessage("mail." + mail.kind() + ".subject", null, locale));
        message.setText(messages.getMessage("mail." + mail.kind() + ".body", null, locale)
                + "\n\n" + publicUrl + "/notifications/" + mail.notificationId() + "\n\n"
                + messages.getMessage("mail.footer", null, locale));
        try {
            sender.send(message);
            jdbc.sql("update notifications.outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1,"
                            + " last_error = null where id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", mail.id())
                    .update();
            return true;
        } catch (MailException e) {
            int attempts = mail.attempts() + 1;
            var delay = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
            jdbc.sql("""
                            update notifications.outbox set attempts = :attempts, last_error = :error,
                                status = case when :attempts >= :most then 'FAILED' else 'PENDING' end,
                                next_attempt_at = :next where id = :id""")
                    .param("attempts", attempts)
                    .param("most", ATTEMPTS)
                    .param("error", abbreviated(e.getClass().getSimpleName() + ": " + e.getMessage()))
                    .param("next", Timestamp.from(clock.instant().plus(delay)))
                    .param("id", mail.id())
                    .update();
            log.warn(
                    "E-mail {} not sent (attempt {} of {}): {}",
                    mail.id(),
                    attempts,
                    ATTEMPTS,
                    e.getClass().getSimpleName());
            return false;
        }
    }

    /** What administrators see of the outbox: counts per status, and the latest failures without addresses. */
    OutboxState state() {
        var counts = new java.util.EnumMap<OutboxState.Status, Long>(OutboxState.Status.class);
        for (var status : OutboxState.Status.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from notifications.outbox group by status")
                .query((rs, n) -> counts.put(OutboxState.Status.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        List<OutboxState.Failure> failures = jdbc.sql("""
                        select o.id, n.kind, o.attempts, o.last_error, o.next_attempt_at, o.status
                        from notifications.outbox o join notifications.notification n on n.id = o.notification_id
                        where o.last_error is not null order by o.next_attempt_at desc limit 20""")
                .query((rs, n) -> new OutboxState.Failure(
                        rs.getObject("id", UUID.class),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        OutboxState.Status.valueOf(rs.getString("status"))))
                .list();
        return new OutboxState(counts, failures, mailSender.getIfAvailable() != null);
    }

    private static String abbreviated(String text) {
        var oneLine = String.valueOf(text).replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 297) + "...";
    }
}
