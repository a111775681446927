package org.opennrm.notifications;

/**
 * What a notification tells. Each kind has its words in {@code i18n/notifications} ({@code notification.KIND} for
 * the line on the platform, {@code mail.KIND.subject} and {@code mail.KIND.body} for the e-mail).
 */
public enum NotificationKind {
    /** A referral opened a case that awaits a preliminary decision: for NRM staff. */
    NEW_REFERRAL,
    /** A case was referred to the organisation for a service: for its service staff. */
    SERVICE_REFERRAL,
    /** The NRM took an identification decision on a referral the organisation made: for its referrers. */
    DECISION_ON_REFERRAL,
    /** A preliminary decision falls due within the reminder window: for NRM staff. */
    PRELIMINARY_DECISION_DUE,
    /** The recovery and reflection period ends within the reminder window, and the formal decision with it. */
    FORMAL_DECISION_DUE,
    /** A residence permit recorded in an assistance plan expires soon: for NRM case managers. */
    PERMIT_EXPIRING,
    /** An agency's yearly criminal-justice figures are due within the reminder window and not sent: its reporters. */
    AGENCY_FIGURES_DUE,
    /** An agency's yearly criminal-justice figures were due and have not been sent: its reporters. */
    AGENCY_FIGURES_OVERDUE,
    /**
     * An action item of the co-ordinating body falls due within the reminder window and is not done: the assigned
     * organisation's people who report on the plan, and the co-ordinators.
     */
    ACTION_ITEM_DUE,
    /** An action item of the co-ordinating body is past its due date and not done: the same people. */
    ACTION_ITEM_OVERDUE,
    /** A measure the organisation leads owes its periodic status report: the organisation's plan reporters. */
    MEASURE_REPORT_DUE,
    /** A measure the organisation leads is past its due date, neither done nor dropped: they and the co-ordinators. */
    MEASURE_OVERDUE
}
