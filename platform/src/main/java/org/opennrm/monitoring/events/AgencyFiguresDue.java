package org.opennrm.monitoring.events;

import java.util.UUID;

/**
 * An agency's criminal-justice figures for a year are due soon, or overdue, and have not been sent: its reporters are
 * reminded. Sent once per agency, year, due date and kind.
 *
 * @param reminderId the reminder's id (a notification derived from it tells once)
 * @param agency the agency's code ({@code POLICE}, {@code PROSECUTION}, {@code COURTS}, {@code LABOUR_INSPECTORATE},
 *     {@code FIU})
 * @param year the year the figures are for (the date they are due is on the agencies' page)
 * @param overdue whether the date has passed
 */
public record AgencyFiguresDue(UUID reminderId, String agency, int year, boolean overdue) {}
