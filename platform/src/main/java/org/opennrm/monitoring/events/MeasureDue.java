package org.opennrm.monitoring.events;

import java.util.UUID;

/**
 * A measure of the action plan needs its lead organisation: either its periodic status report is due (the last one is
 * older than the reporting interval), or the measure itself is past its due date and neither done nor dropped. Sent
 * once per measure, kind and date.
 *
 * @param reminderId the reminder's id (a notification derived from it tells once)
 * @param measureId the measure (its title and status stay on the plan's pages)
 * @param organisationId the organisation that leads it
 * @param overdue true when the measure is past its due date, false when a status report is due
 */
public record MeasureDue(UUID reminderId, UUID measureId, UUID organisationId, boolean overdue) {}
