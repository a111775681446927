package org.opennrm.statistics.publishing;

/**
 * A cross-table to publish: facts of one event kind counted by two dimensions within a period of quarters.
 *
 * @param event an event kind as a word ({@code referral}, ...)
 * @param rows a dimension as a word ({@code exploitation-form}, {@code recruiter-relationship}, ...)
 * @param columns another dimension as a word ({@code region}, ...)
 * @param from first quarter ({@code 2024-Q1}) or null for no limit
 * @param to last quarter or null for no limit
 */
public record CrossTableRequest(String event, String rows, String columns, String from, String to) {}
