package org.opennrm.statistics.publishing;

/**
 * A trend series to publish: facts of one event kind counted by quarter, broken down by one dimension or in total.
 *
 * @param event an event kind as a word ({@code referral}, {@code identification-decision}, {@code service-delivered})
 * @param breakdown a dimension as a word ({@code region}, {@code exploitation-form}, {@code sex}, {@code age-group},
 *     {@code citizenship}, {@code referring-sector}, {@code sector}, {@code decision-outcome}, {@code service}), or
 *     null for the total alone
 * @param from first quarter ({@code 2024-Q1}), inclusive
 * @param to last quarter, inclusive
 */
public record TrendRequest(String event, String breakdown, String from, String to) {}
