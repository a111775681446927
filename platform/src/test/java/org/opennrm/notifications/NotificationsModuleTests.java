package org.opennrm.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.access.Recipients;
import org.opennrm.access.Recipients.Recipient;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.assistance.events.ResidencePermitExpiring;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.DecisionKind;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DueKind;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.events.CaseOpened;
import org.opennrm.cases.events.DeadlineApproaching;
import org.opennrm.cases.events.IdentificationDecided;
import org.opennrm.monitoring.events.ActionItemDue;
import org.opennrm.monitoring.events.AgencyFiguresDue;
import org.opennrm.monitoring.events.MeasureDue;
import org.opennrm.referrals.events.ServiceReferralSent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notifications module on its own, with a database of its own: events as the other modules publish them go in,
 * notifications (and e-mails in the outbox) come out. Who works where is a stand-in for {@code access}'s recipients, so
 * each rule of who is told is seen alone and every count is exact. The journey over a real SMTP server with the
 * platform's accounts is {@code NotificationsTests}.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@org.springframework.test.context.TestPropertySource(
        properties = {"opennrm.mail.enabled=true", "opennrm.mail.send-interval=1h"})
class NotificationsModuleTests {

    static final UUID NRM_OFFICE = UUID.randomUUID();
    static final UUID SHELTER = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();

    static final Recipient CASE_MANAGER = new Recipient(UUID.randomUUID(), "cm@nrm.example");
    /** Both a case manager and an identification officer: told once. */
    static final Recipient BOTH = new Recipient(UUID.randomUUID(), "both@nrm.example");

    static final Recipient OFFICER = new Recipient(UUID.randomUUID(), null);
    static final Recipient SHELTER_WORKER = new Recipient(UUID.randomUUID(), "staff@shelter.example");
    static final Recipient NGO_REFERRER = new Recipient(UUID.randomUUID(), "outreach@ngo.example");
    static final Recipient NGO_SERVICE = new Recipient(UUID.randomUUID(), "services@ngo.example");
    static final Recipient COORDINATOR = new Recipient(UUID.randomUUID(), "coordinator@nrm.example");
    static final Recipient REPORTER = new Recipient(UUID.randomUUID(), "figures@police.example");

    @MockitoBean
    Recipients recipients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    /** Each test starts from an empty module: the database is this class's own. */
    @BeforeEach
    void empty() {
        jdbc.sql("truncate notifications.notification, notifications.outbox, notifications.preference cascade")
                .update();
    }

    @BeforeEach
    void whoWorksWhere() {
        when(recipients.withRole(any())).thenReturn(List.of());
        when(recipients.withRole(any(), any())).thenReturn(List.of());
        when(recipients.withRole(Role.CASE_MANAGER)).thenReturn(List.of(CASE_MANAGER, BOTH));
        when(recipients.withRole(Role.IDENTIFICATION_OFFICER)).thenReturn(List.of(BOTH, OFFICER));
        when(recipients.withRole(Role.COORDINATOR)).thenReturn(List.of(COORDINATOR));
        when(recipients.withRole(Role.AGENCY_REPORTER)).thenReturn(List.of(REPORTER));
        when(recipients.withRole(Role.SERVICE_PROVIDER, SHELTER)).thenReturn(List.of(SHELTER_WORKER));
        when(recipients.withRole(Role.SERVICE_PROVIDER, NGO)).thenReturn(List.of(NGO_SERVICE));
        when(recipients.withRole(Role.REFERRER, NGO)).thenReturn(List.of(NGO_REFERRER));
        // a referrer of another organisation, and a case manager of the NRM office who reports on the plan there
        when(recipients.withRole(Role.REFERRER, SHELTER)).thenReturn(List.of(new Recipient(UUID.randomUUID(), null)));
        when(recipients.withRole(Role.CASE_MANAGER, NRM_OFFICE)).thenReturn(List.of(CASE_MANAGER));
    }

    @Test
    void aNewReferralTellsEachOfTheNrmStaffOnceWithANoticeThatHoldsNothingAboutThePerson(Scenario scenario) {
        var caseId = CaseId.of(UUID.randomUUID());
        scenario.publish(opened(caseId))
                .andWaitForStateChange(() -> count("NEW_REFERRAL"), n -> n == 3)
                .andVerify(n -> {
                    assertThat(told(NotificationKind.NEW_REFERRAL, caseId.value()))
                            .containsExactlyInAnyOrder(CASE_MANAGER, BOTH, OFFICER);
                    assertThat(links("NEW_REFERRAL")).containsOnly("/cases/" + caseId);
                    // an e-mail for each person with an address; the officer without one is told on the platform
                    assertThat(outbox()).containsExactlyInAnyOrder("cm@nrm.example", "both@nrm.example");
                    assertThat(jdbc.sql("select count(*) from notifications.outbox where language <> 'en'")
                                    .query(Long.class)
                                    .single())
                            .isZero();
                });
    }

    @Test
    void decisionsFallingDueRemindTheNrmStaffAndAPermitExpiringOnlyTheCaseManagers(Scenario scenario) {
        var caseId = CaseId.of(UUID.randomUUID());
        var preliminary = UUID.randomUUID();
        scenario.publish(new DeadlineApproaching(preliminary, caseId, DueKind.PRELIMINARY_DECISION, 1))
                .andWaitForStateChange(() -> count("PRELIMINARY_DECISION_DUE"), n -> n == 3);
        var formal = UUID.randomUUID();
        scenario.publish(new DeadlineApproaching(formal, caseId, DueKind.FORMAL_DECISION, 5))
                .andWaitForStateChange(() -> count("FORMAL_DECISION_DUE"), n -> n == 3);
        var permit = UUID.randomUUID();
        scenario.publish(new ResidencePermitExpiring(permit, caseId, 30))
                .andWaitForStateChange(() -> count("PERMIT_EXPIRING"), n -> n == 2)
                .andVerify(n -> {
                    assertThat(told(NotificationKind.PERMIT_EXPIRING, permit))
                            .containsExactlyInAnyOrder(CASE_MANAGER, BOTH);
                    assertThat(links("PERMIT_EXPIRING")).containsOnly("/assistance/cases/" + caseId);
                });
        assertThat(told(NotificationKind.FORMAL_DECISION_DUE, formal))
                .containsExactlyInAnyOrder(CASE_MANAGER, BOTH, OFFICER);
    }

    @Test
    void aServiceReferralTellsTheReceivingOrganisationAndADecisionTheReferringOne(Scenario scenario) {
        var caseId = CaseId.of(UUID.randomUUID());
        var referral = UUID.randomUUID();
        scenario.publish(new ServiceReferralSent(referral, caseId, NRM_OFFICE, SHELTER, null, YearMonth.of(2026, 3)))
                .andWaitForStateChange(() -> count("SERVICE_REFERRAL"), n -> n == 1)
                .andVerify(n -> assertThat(told(NotificationKind.SERVICE_REFERRAL, referral))
                        .containsExactly(SHELTER_WORKER));
        var decision = UUID.randomUUID();
        scenario.publish(new IdentificationDecided(
                        caseId,
                        decision,
                        DecisionKind.PRELIMINARY,
                        DecisionOutcome.PRESUMED_VICTIM,
                        YearMonth.of(2026, 3),
                        UUID.randomUUID(),
                        null,
                        true,
                        3,
                        AgeCategory.ADULT,
                        NGO))
                .andWaitForStateChange(() -> count("DECISION_ON_REFERRAL"), n -> n == 1)
                .andVerify(n -> {
                    assertThat(told(NotificationKind.DECISION_ON_REFERRAL, decision))
                            .containsExactly(NGO_REFERRER);
                    // the outcome stays on the referrer's page: the link does not name the case
                    assertThat(links("DECISION_ON_REFERRAL")).containsOnly("/referrals/mine");
                });
    }

    @Test
    void agencyFiguresDueRemindTheAgencyReportersAndOverdueOnesSayIt(Scenario scenario) {
        var due = UUID.randomUUID();
        scenario.publish(new AgencyFiguresDue(due, "POLICE", 2026, false))
                .andWaitForStateChange(() -> count("AGENCY_FIGURES_DUE"), n -> n == 1);
        var overdue = UUID.randomUUID();
        scenario.publish(new AgencyFiguresDue(overdue, "COURTS", 2026, true))
                .andWaitForStateChange(() -> count("AGENCY_FIGURES_OVERDUE"), n -> n == 1)
                .andVerify(n -> {
                    assertThat(told(NotificationKind.AGENCY_FIGURES_OVERDUE, overdue))
                            .containsExactly(REPORTER);
                    assertThat(links("AGENCY_FIGURES_OVERDUE")).containsOnly("/returns/agencies?year=2026");
                });
    }

    @Test
    void planRemindersGoToTheLeadOrganisationsPlanReportersAndCoordinatorsOnlyWhenOverdue(Scenario scenario) {
        // the NGO's referrers and service staff update the plan for it; its measure's status report is due
        var measure = UUID.randomUUID();
        var reportDue = UUID.randomUUID();
        scenario.publish(new MeasureDue(reportDue, measure, NGO, false))
                .andWaitForStateChange(() -> count("MEASURE_REPORT_DUE"), n -> n == 2)
                .andVerify(n -> assertThat(told(NotificationKind.MEASURE_REPORT_DUE, reportDue))
                        .containsExactlyInAnyOrder(NGO_REFERRER, NGO_SERVICE));
        var pastDue = UUID.randomUUID();
        scenario.publish(new MeasureDue(pastDue, measure, NGO, true))
                .andWaitForStateChange(() -> count("MEASURE_OVERDUE"), n -> n == 3)
                .andVerify(n -> {
                    assertThat(told(NotificationKind.MEASURE_OVERDUE, pastDue))
                            .containsExactlyInAnyOrder(NGO_REFERRER, NGO_SERVICE, COORDINATOR);
                    assertThat(links("MEASURE_OVERDUE")).containsOnly("/plans/measures/" + measure);
                });
        // an action item is chased by the co-ordinators even before it is overdue
        var item = new ActionItemDue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), NRM_OFFICE, false);
        scenario.publish(item)
                .andWaitForStateChange(() -> count("ACTION_ITEM_DUE"), n -> n == 2)
                .andVerify(n -> {
                    assertThat(told(NotificationKind.ACTION_ITEM_DUE, item.reminderId()))
                            .containsExactlyInAnyOrder(CASE_MANAGER, COORDINATOR);
                    assertThat(links("ACTION_ITEM_DUE"))
                            .containsOnly("/plans/body/meetings/" + item.meetingId() + "#action-" + item.actionId());
                });
    }

    @Test
    void anEventDeliveredAgainAfterARestartTellsNobodyTwice(Scenario scenario) {
        var reminder =
                new DeadlineApproaching(UUID.randomUUID(), CaseId.of(UUID.randomUUID()), DueKind.FORMAL_DECISION, 2);
        scenario.publish(reminder).andWaitForStateChange(() -> count("FORMAL_DECISION_DUE"), n -> n == 3);
        // delivered again, as after a restart before the first delivery was marked complete
        scenario.publish(reminder).andWaitForStateChange(() -> delivered(), all -> all);
        notifications.tell(List.of(CASE_MANAGER), NotificationKind.FORMAL_DECISION_DUE, reminder.reminderId(), "/x");
        assertThat(count("FORMAL_DECISION_DUE")).isEqualTo(3);
        assertThat(outbox()).containsExactlyInAnyOrder("cm@nrm.example", "both@nrm.example");
    }

    @Test
    void aPersonWhoChoseNotToBeToldOfAKindIsNotAndOthersStillAre() {
        var officer = TestSignIn.actorOf(CASE_MANAGER.accountId(), Role.CASE_MANAGER, NRM_OFFICE);
        SignedIn.as(officer, () -> {
            notifications.choose(List.of(
                    new Preference(NotificationKind.NEW_REFERRAL, false, false),
                    new Preference(NotificationKind.PERMIT_EXPIRING, true, false)));
            return null;
        });
        var fact = UUID.randomUUID();
        notifications.tell(List.of(CASE_MANAGER, BOTH), NotificationKind.NEW_REFERRAL, fact, "/cases/" + fact);
        assertThat(told(NotificationKind.NEW_REFERRAL, fact)).containsExactly(BOTH);
        var permit = UUID.randomUUID();
        notifications.tell(List.of(CASE_MANAGER), NotificationKind.PERMIT_EXPIRING, permit, "/assistance/cases/x");
        assertThat(told(NotificationKind.PERMIT_EXPIRING, permit)).containsExactly(CASE_MANAGER);
        assertThat(outbox()).containsExactly("both@nrm.example");
        // by e-mail only: recorded (the e-mail's link opens it) but not new on the platform
        SignedIn.as(officer, () -> {
            notifications.choose(List.of(new Preference(NotificationKind.NEW_REFERRAL, false, true)));
            return null;
        });
        var emailOnly = UUID.randomUUID();
        notifications.tell(List.of(CASE_MANAGER), NotificationKind.NEW_REFERRAL, emailOnly, "/cases/" + emailOnly);
        assertThat(told(NotificationKind.NEW_REFERRAL, emailOnly)).containsExactly(CASE_MANAGER);
        assertThat(outbox()).containsExactlyInAnyOrder("both@nrm.example", "cm@nrm.example");
        assertThat(SignedIn.as(officer, () -> notifications.myPreferences()))
                .contains(new Preference(NotificationKind.NEW_REFERRAL, false, true))
                .contains(new Preference(NotificationKind.PERMIT_EXPIRING, true, false))
                .contains(new Preference(NotificationKind.SERVICE_REFERRAL, true, true));
        assertThat(SignedIn.as(officer, () -> notifications.unreadCount())).isOne();
        assertThat(SignedIn.as(officer, () -> notifications.markAllRead())).isOne();
        assertThat(SignedIn.as(officer, () -> notifications.unreadCount())).isZero();
    }

    @Test
    void nobodyOpensSomeoneElsesNotificationAndOpeningOnesOwnMarksItRead() {
        var fact = UUID.randomUUID();
        notifications.tell(List.of(CASE_MANAGER), NotificationKind.NEW_REFERRAL, fact, "/cases/" + fact);
        var id = jdbc.sql("select id from notifications.notification")
                .query(UUID.class)
                .single();
        var shelterWorker = TestSignIn.actorOf(SHELTER_WORKER.accountId(), Role.SERVICE_PROVIDER, SHELTER);
        assertThat(SignedIn.as(shelterWorker, () -> notifications.open(id))).isEmpty();
        assertThat(SignedIn.as(shelterWorker, () -> notifications.mine())).isEmpty();
        var owner = TestSignIn.actorOf(CASE_MANAGER.accountId(), Role.CASE_MANAGER, NRM_OFFICE);
        assertThat(SignedIn.as(owner, () -> notifications.mine()))
                .singleElement()
                .matches(Notification::unread);
        assertThat(SignedIn.as(owner, () -> notifications.open(id))).contains("/cases/" + fact);
        assertThat(SignedIn.as(owner, () -> notifications.mine()))
                .singleElement()
                .matches(n -> !n.unread());
    }

    /** Whether every event publication was handed to its listeners and completed (the listener has run). */
    private boolean delivered() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                        .query(Long.class)
                        .single()
                == 0;
    }

    private long count(String kind) {
        return jdbc.sql("select count(*) from notifications.notification where kind = ?")
                .param(kind)
                .query(Long.class)
                .single();
    }

    private List<String> links(String kind) {
        return jdbc.sql("select link from notifications.notification where kind = ?")
                .param(kind)
                .query(String.class)
                .list();
    }

    private List<String> outbox() {
        return jdbc.sql("select recipient from notifications.outbox")
                .query(String.class)
                .list();
    }

    /** The people told of a fact, found through the notification's id derived from kind, fact and account. */
    private List<Recipient> told(NotificationKind kind, UUID fact) {
        var everyone =
                List.of(CASE_MANAGER, BOTH, OFFICER, SHELTER_WORKER, NGO_REFERRER, NGO_SERVICE, COORDINATOR, REPORTER);
        return everyone.stream()
                .filter(person ->
                        jdbc.sql("select count(*) from notifications.notification where id = ? and account_id = ?")
                                        .params(
                                                UUID.nameUUIDFromBytes((kind + ":" + fact + ":" + person.accountId())
                                                        .getBytes(StandardCharsets.UTF_8)),
                                                person.accountId())
                                        .query(Long.class)
                                        .single()
                                == 1)
                .toList();
    }

    private static CaseOpened opened(CaseId caseId) {
        return new CaseOpened(
                caseId,
                UUID.randomUUID(),
                NGO,
                AgeCategory.ADULT,
                Set.of("ForcedLabour"),
                YearMonth.of(2026, 3),
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
}
