package org.opennrm.notifications;

import java.util.UUID;
import org.opennrm.access.Recipients;
import org.opennrm.access.Role;
import org.opennrm.assistance.events.ResidencePermitExpiring;
import org.opennrm.cases.DueKind;
import org.opennrm.cases.events.CaseOpened;
import org.opennrm.cases.events.DeadlineApproaching;
import org.opennrm.cases.events.IdentificationDecided;
import org.opennrm.referrals.events.ServiceReferralSent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events of other modules into notifications for the people whose work they create. Each listener runs
 * after the event's transaction committed, in a transaction of its own; a listener that fails leaves the event
 * incomplete, and it is delivered again at the next start (the notification's derived id keeps that from telling
 * twice).
 */
@Component
class WorkNotices {

    private final Notifications notifications;
    private final Recipients recipients;

    WorkNotices(Notifications notifications, Recipients recipients) {
        this.notifications = notifications;
        this.recipients = recipients;
    }

    /** A new case awaits the preliminary decision: the NRM's case managers and identification officers are told. */
    @ApplicationModuleListener
    void on(CaseOpened opened) {
        notifications.tell(
                nrmStaff(), NotificationKind.NEW_REFERRAL, opened.caseId().value(), "/cases/" + opened.caseId());
    }

    /**
     * A decision falls due soon: the NRM's case managers and identification officers are reminded (the reminder's id
     * is the fact, so a reminder delivered twice tells once).
     */
    @ApplicationModuleListener
    void on(DeadlineApproaching approaching) {
        var kind = approaching.kind() == DueKind.PRELIMINARY_DECISION
                ? NotificationKind.PRELIMINARY_DECISION_DUE
                : NotificationKind.FORMAL_DECISION_DUE;
        notifications.tell(nrmStaff(), kind, approaching.reminderId(), "/cases/" + approaching.caseId());
    }

    /** A residence permit expires soon: the NRM's case managers are reminded to see to its renewal. */
    @ApplicationModuleListener
    void on(ResidencePermitExpiring expiring) {
        notifications.tell(
                recipients.withRole(Role.CASE_MANAGER),
                NotificationKind.PERMIT_EXPIRING,
                expiring.permitId(),
                "/assistance/cases/" + expiring.caseId());
    }

    /**
     * An agency's figures for the official returns are due soon or overdue: the agency reporters are reminded (the
     * page shows which agency and when; a reporter account is not tied to one kind of agency).
     */
    @ApplicationModuleListener
    void on(org.opennrm.monitoring.events.AgencyFiguresDue due) {
        notifications.tell(
                recipients.withRole(Role.AGENCY_REPORTER),
                due.overdue() ? NotificationKind.AGENCY_FIGURES_OVERDUE : NotificationKind.AGENCY_FIGURES_DUE,
                due.reminderId(),
                "/returns/agencies?year=" + due.year());
    }

    /**
     * An action item of the co-ordinating body is due soon or overdue: whoever reports on the plan for the assigned
     * organisation (the roles that update its measures) and the co-ordinators who chase it. The item's text stays on
     * the page; the notice says only that one is due.
     */
    @ApplicationModuleListener
    void on(org.opennrm.monitoring.events.ActionItemDue due) {
        notifications.tell(
                planReportersAndCoordinators(due.organisationId(), true),
                due.overdue() ? NotificationKind.ACTION_ITEM_OVERDUE : NotificationKind.ACTION_ITEM_DUE,
                due.reminderId(),
                "/plans/body/meetings/" + due.meetingId() + "#action-" + due.actionId());
    }

    /**
     * A measure of the action plan owes its periodic status report (its lead organisation's plan reporters are told),
     * or is past its due date (they and the co-ordinators are told).
     */
    @ApplicationModuleListener
    void on(org.opennrm.monitoring.events.MeasureDue due) {
        notifications.tell(
                planReportersAndCoordinators(due.organisationId(), due.overdue()),
                due.overdue() ? NotificationKind.MEASURE_OVERDUE : NotificationKind.MEASURE_REPORT_DUE,
                due.reminderId(),
                "/plans/measures/" + due.measureId());
    }

    /** Whoever reports on the plan for an organisation (the roles that update its measures), and the co-ordinators. */
    private java.util.List<org.opennrm.access.Recipients.Recipient> planReportersAndCoordinators(
            UUID organisationId, boolean withCoordinators) {
        var told = new java.util.LinkedHashMap<UUID, org.opennrm.access.Recipients.Recipient>();
        for (Role role : Role.values()) {
            boolean updatesPlan = role.grants().stream()
                    .anyMatch(grant -> grant.permission() == org.opennrm.access.Permission.PLAN_UPDATE);
            if (updatesPlan) {
                recipients.withRole(role, organisationId).forEach(r -> told.putIfAbsent(r.accountId(), r));
            }
        }
        if (withCoordinators) {
            recipients.withRole(Role.COORDINATOR).forEach(r -> told.putIfAbsent(r.accountId(), r));
        }
        return java.util.List.copyOf(told.values());
    }

    private java.util.List<org.opennrm.access.Recipients.Recipient> nrmStaff() {
        var staff = new java.util.ArrayList<>(recipients.withRole(Role.CASE_MANAGER));
        recipients.withRole(Role.IDENTIFICATION_OFFICER).stream()
                .filter(officer -> staff.stream().noneMatch(r -> r.accountId().equals(officer.accountId())))
                .forEach(staff::add);
        return staff;
    }

    /** A case was referred for a service: the receiving organisation's service staff are told. */
    @ApplicationModuleListener
    void on(ServiceReferralSent sent) {
        notifications.tell(
                recipients.withRole(Role.SERVICE_PROVIDER, sent.receiverOrganisationId()),
                NotificationKind.SERVICE_REFERRAL,
                sent.serviceReferralId(),
                "/services/referrals/" + sent.serviceReferralId());
    }

    /** The NRM decided on a referral: the referring organisation's referrers are told (the outcome is on the page). */
    @ApplicationModuleListener
    void on(IdentificationDecided decided) {
        notifications.tell(
                recipients.withRole(Role.REFERRER, decided.referringOrganisationId()),
                NotificationKind.DECISION_ON_REFERRAL,
                decided.decisionId(),
                "/referrals/mine");
    }
}
