package org.opennrm.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.util.StringUtils;

/**
 * A search of the audit trail: by record (type and id), by account (user name or id), by time, one page
 * at a time, newest first. Every part is optional. Times are UTC; a date alone means the whole day.
 *
 * @param from the first instant included, or {@code null}
 * @param until the first instant no longer included, or {@code null}
 */
public record AuditQuery(String recordType, String recordId, String account, Instant from, Instant until, int page) {

    public static final int PAGE_SIZE = 50;

    // deep offsets cost a scan each: past this, narrow the search by time instead
    static final int LAST_PAGE = 10_000;

    public AuditQuery {
        recordType = blankToNull(recordType);
        recordId = blankToNull(recordId);
        account = blankToNull(account);
        if (page < 0 || page > LAST_PAGE) {
            throw new AuditQueryInvalid(
                    "page", "audit.invalid.page", "The page must be between 0 and " + LAST_PAGE + ".");
        }
        if (from != null && until != null && !from.isBefore(until)) {
            throw new AuditQueryInvalid(
                    "to", "audit.invalid.range", "The end of the time range must come after its start.");
        }
    }

    /** Reads a search as typed in the page's form or the API's query string. */
    public static AuditQuery parse(
            String recordType, String recordId, String account, String from, String to, Integer page) {
        if (StringUtils.hasText(recordId) && !StringUtils.hasText(recordType)) {
            throw new AuditQueryInvalid(
                    "recordType", "audit.invalid.recordType", "Give the type of record as well as its id.");
        }
        return new AuditQuery(
                length("recordType", recordType, 60),
                length("recordId", recordId, 100),
                length("account", account, 100),
                start("from", from),
                end("to", to),
                page == null ? 0 : page);
    }

    public static AuditQuery everything(int page) {
        return new AuditQuery(null, null, null, null, null, page);
    }

    public boolean isEmpty() {
        return recordType == null && recordId == null && account == null && from == null && until == null;
    }

    /** The account as an id when it was given as one; a user name otherwise. */
    UUID accountId() {
        if (account == null) {
            return null;
        }
        try {
            return UUID.fromString(account);
        } catch (IllegalArgumentException userName) {
            return null;
        }
    }

    AuditQuery onPage(int other) {
        return new AuditQuery(recordType, recordId, account, from, until, other);
    }

    private static Instant start(String field, String text) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return instant(value);
        } catch (DateTimeParseException e) {
            throw new AuditQueryInvalid(
                    field, "audit.invalid.time", "Give a date (2026-01-31) or a time (2026-01-31T14:00:00Z).");
        }
    }

    private static Instant end(String field, String text) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                // a date as the end of a range means up to the end of that day
                return LocalDate.parse(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return instant(value).plus(1, ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new AuditQueryInvalid(
                    field, "audit.invalid.time", "Give a date (2026-01-31) or a time (2026-01-31T14:00:00Z).");
        }
    }

    private static Instant instant(String value) {
        if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return java.time.OffsetDateTime.parse(value).toInstant();
        }
        // what a browser's datetime-local field sends: read as UTC, like every time on the page
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    }

    private static String length(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new AuditQueryInvalid(field, "audit.invalid.length", "At most " + max + " characters.");
        }
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }
}
