/**
 * The case file's REST API under {@code /api/v1/cases}: the same facade and rules as the pages, JSON in and out,
 * RFC 9457 problem details for every refusal.
 */
package org.opennrm.cases.api;
