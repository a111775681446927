package org.opennrm.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.DecisionKind;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DueKind;
import org.opennrm.cases.events.CaseOpened;
import org.opennrm.cases.events.IdentificationDecided;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.referrals.events.ServiceReferralSent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People are told about the work that waits for them, on the platform and by e-mail over a real SMTP connection
 * (GreenMail): NRM staff about a new referral, a shelter about a referral to it, the referring organisation about a
 * decision. The e-mails hold no name, reference or case content; an event delivered twice tells once; an e-mail
 * that fails is kept and retried, never lost. Who is told of what, choices and opening one's own are
 * {@code NotificationsModuleTests}, without the rest of the platform.
 */
@SpringBootTest(properties = {"opennrm.mail.enabled=true", "opennrm.mail.send-interval=200ms"})
@ActiveProfiles("test")
class NotificationsTests {

    static final int SMTP_PORT = freePort();
    static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopMailServer() {
        SMTP.stop();
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    MailOutbox outbox;

    @Autowired
    OrganisationRegistry organisations;

    UUID inspectorate;
    UUID shelter;

    @BeforeEach
    void setUp() throws Exception {
        inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        shelter = organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void nrmStaffAreToldOfANewReferralOnThePlatformAndByAnEMailWithoutAnythingAboutThePerson() throws Exception {
        var caseId = CaseId.of(UUID.randomUUID());
        publish(opened(caseId));

        var mail = awaitMail("casemanager@example.org");
        var body = GreenMailUtil.getBody(mail);
        assertThat(mail.getSubject()).contains("new referral");
        var notification = notificationOf("casemanager", caseId);
        assertThat(body)
                .contains("/notifications/" + notification)
                .doesNotContain(caseId.toString())
                .doesNotContain("NRM-")
                .contains("no personal data");
        // the identification officer too; nobody else
        awaitMail("identification@example.org");
        assertThat(recipientsOf(NotificationKind.NEW_REFERRAL, caseId))
                .containsExactlyInAnyOrder("casemanager", "identification");
    }

    @Test
    void theShelterIsToldOfAReferralToItAndTheReferrerOfTheDecision() throws Exception {
        var caseId = CaseId.of(UUID.randomUUID());
        publish(opened(caseId));
        var referralId = UUID.randomUUID();
        publish(new ServiceReferralSent(referralId, caseId, UUID.randomUUID(), shelter, null, YearMonth.now()));
        var decisionId = UUID.randomUUID();
        publish(new IdentificationDecided(
                caseId,
                decisionId,
                DecisionKind.PRELIMINARY,
                DecisionOutcome.PRESUMED_VICTIM,
                YearMonth.now(),
                UUID.randomUUID(),
                null,
                true,
                3,
                AgeCategory.ADULT,
                inspectorate));

        awaitMail("shelter@example.org");
        awaitMail("inspector@example.org");
        assertThat(recipientsOfFact(NotificationKind.SERVICE_REFERRAL, referralId))
                .containsExactly("shelter");
        assertThat(recipientsOfFact(NotificationKind.DECISION_ON_REFERRAL, decisionId))
                .containsExactly("inspector");
    }

    @Test
    void aDeadlineAheadAndAnExpiringPermitRemindByEMailOnceWithoutAnythingAboutThePerson() throws Exception {
        var caseId = CaseId.of(UUID.randomUUID());
        var reminder = UUID.randomUUID();
        var approaching =
                new org.opennrm.cases.events.DeadlineApproaching(reminder, caseId, DueKind.FORMAL_DECISION, 2);
        publish(approaching);
        // delivered again, as after a restart before the first delivery was marked complete
        publish(approaching);
        var permit = UUID.randomUUID();
        publish(new org.opennrm.assistance.events.ResidencePermitExpiring(permit, caseId, 30));
        publish(new org.opennrm.assistance.events.ResidencePermitExpiring(permit, caseId, 29));

        var mail = awaitMail("identification@example.org");
        assertThat(mail.getSubject()).contains("formal decision falls due");
        assertThat(GreenMailUtil.getBody(mail))
                .contains("recovery and reflection period ends")
                .doesNotContain(caseId.toString())
                .doesNotContain("NRM-");
        awaitMail("casemanager@example.org");
        org.opennrm.EventsDelivered.await(jdbc);
        assertThat(recipientsOfFact(NotificationKind.FORMAL_DECISION_DUE, reminder))
                .containsExactlyInAnyOrder("casemanager", "identification");
        assertThat(recipientsOfFact(NotificationKind.PERMIT_EXPIRING, permit)).containsExactly("casemanager");
        assertThat(jdbc.sql("""
                                select count(*) from notifications.outbox o join notifications.notification n
                                on n.id = o.notification_id where n.kind in ('FORMAL_DECISION_DUE', 'PERMIT_EXPIRING')
                                  and n.link in (:links)""")
                        .param("links", List.of("/cases/" + caseId, "/assistance/cases/" + caseId))
                        .query(Long.class)
                        .single())
                .as("one e-mail per person and reminder")
                .isEqualTo(3);
    }

    @Test
    void anEMailThatCannotBeSentIsKeptAndRetriedNeverLost() throws Exception {
        var account = accountId("casemanager");
        var fact = UUID.randomUUID();
        // an address the mail server refuses outright: the attempt fails and is counted
        var recipient = new org.opennrm.access.Recipients.Recipient(account, "not an address");
        notifications.tell(List.of(recipient), NotificationKind.NEW_REFERRAL, fact, "/cases/" + fact);
        var outboxId =
                jdbc.sql("""
                        select o.id from notifications.outbox o join notifications.notification n
                        on n.id = o.notification_id where n.link = :link""").param("link", "/cases/" + fact).query(UUID.class).single();
        for (int i = 0; i < 100 && attemptsOf(outboxId) == 0; i++) {
            Thread.sleep(100);
        }
        var row = jdbc.sql(
                        "select status, attempts, last_error, next_attempt_at > now() as later from notifications.outbox where id = :id")
                .param("id", outboxId)
                .query((rs, n) -> List.of(
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        String.valueOf(rs.getString("last_error")),
                        rs.getBoolean("later")))
                .single();
        assertThat(row.get(0)).isEqualTo("PENDING");
        assertThat((Integer) row.get(1)).isEqualTo(1);
        assertThat((String) row.get(2)).isNotBlank();
        assertThat((Boolean) row.get(3)).as("retried later, not at once").isTrue();
        assertThat(outbox.state().counts().get(OutboxState.Status.PENDING)).isPositive();
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private CaseOpened opened(CaseId caseId) {
        return new CaseOpened(
                caseId,
                UUID.randomUUID(),
                inspectorate,
                AgeCategory.ADULT,
                Set.of("ForcedLabour"),
                YearMonth.now(),
                "Feminine",
                null,
                Set.of("UKR"),
                Set.of(),
                Set.of(),
                null,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                false);
    }

    private MimeMessage awaitMail(String address) throws Exception {
        for (int i = 0; i < 150; i++) {
            var found = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(message -> {
                        try {
                            return Arrays.stream(message.getAllRecipients())
                                    .anyMatch(to -> to.toString().equals(address));
                        } catch (jakarta.mail.MessagingException e) {
                            return false;
                        }
                    })
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail to " + address);
    }

    private UUID notificationOf(String username, CaseId caseId) {
        return jdbc.sql("select id from notifications.notification where account_id = :account and link = :link")
                .param("account", accountId(username))
                .param("link", "/cases/" + caseId)
                .query(UUID.class)
                .single();
    }

    private List<String> recipientsOf(NotificationKind kind, CaseId caseId) {
        return jdbc.sql("""
                        select a.username from notifications.notification n join access.account a on a.id = n.account_id
                        where n.kind = :kind and n.link = :link""")
                .param("kind", kind.name())
                .param("link", "/cases/" + caseId)
                .query(String.class)
                .list();
    }

    /** The accounts told about a fact: the notification id is derived from kind, fact and account. */
    private List<String> recipientsOfFact(NotificationKind kind, UUID fact) {
        var told = new java.util.ArrayList<String>();
        jdbc.sql("select id, username from access.account order by username")
                .query((rs, n) -> {
                    var id = UUID.nameUUIDFromBytes((kind + ":" + fact + ":" + rs.getObject("id", UUID.class))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    if (jdbc.sql("select count(*) from notifications.notification where id = :id")
                                    .param("id", id)
                                    .query(Long.class)
                                    .single()
                            == 1) {
                        told.add(rs.getString("username"));
                    }
                    return null;
                })
                .list();
        return told;
    }

    private int attemptsOf(UUID outboxId) {
        return jdbc.sql("select attempts from notifications.outbox where id = :id")
                .param("id", outboxId)
                .query(Integer.class)
                .single();
    }

    private UUID accountId(String username) {
        return jdbc.sql("select id from access.account where username = :username")
                .param("username", username)
                .query(UUID.class)
                .single();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
