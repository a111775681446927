package org.opennrm.monitoring.events;

import java.util.UUID;

/**
 * An action item the co-ordinating body assigned to an organisation falls due soon, or is overdue, and is not done:
 * the organisation's people who report on the plan, and the co-ordinators, are reminded. Sent once per item and kind.
 *
 * @param reminderId the reminder's id (a notification derived from it tells once)
 * @param actionId the action item (its text stays on the body's pages)
 * @param meetingId the meeting that decided it, where the item is read
 * @param organisationId the member organisation it is assigned to
 * @param overdue whether its due date has passed
 */
public record ActionItemDue(UUID reminderId, UUID actionId, UUID meetingId, UUID organisationId, boolean overdue) {}
