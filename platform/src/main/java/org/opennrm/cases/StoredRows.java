package org.opennrm.cases;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of one table that PostgreSQL returned as a JSON array ({@code json_agg} of whole rows), so that a case and
 * all its rows come back from one statement. Each element keeps its column names; values are read the way a
 * {@code ResultSet} would give them. The JSON holds columns as stored, so encrypted columns stay encrypted until
 * the caller decrypts them.
 */
final class StoredRows {

    @FunctionalInterface
    interface Mapper<T> {
        T map(Row row);
    }

    private StoredRows() {}

    /** The rows of a {@code json_agg} column, in its order; none when the column is SQL null (no row matched). */
    static <T> List<T> of(String json, Mapper<T> mapper) {
        if (json == null) {
            return List.of();
        }
        var rows = new ArrayList<T>();
        for (JsonNode element : JsonMapper.shared().readTree(json)) {
            rows.add(mapper.map(new Row(element)));
        }
        return List.copyOf(rows);
    }

    /**
     * A {@code timestamptz} as PostgreSQL writes it in JSON: {@code 2026-03-02T10:11:12.123456+00:00}, the fraction
     * of a second only when there is one (1 to 6 digits), the offset as {@code +hh:mm}. Read in that shape
     * directly; any other shape (offsets with seconds, years beyond 9999, anything unexpected) goes to {@link
     * OffsetDateTime#parse}, which also gives the error for text that is no timestamp. Why not always the general
     * parser: it was 3 % of the CPU time of a case page (profile of case views, 5,000 cases), for a dozen
     * timestamps a page in one fixed layout.
     */
    static Instant instantOf(String text) {
        int length = text.length();
        int offsetAt = length - 6;
        if (offsetAt < 19
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 3) != ':') {
            return OffsetDateTime.parse(text).toInstant();
        }
        char sign = text.charAt(offsetAt);
        int nanos = 0;
        if (offsetAt > 19) {
            if (text.charAt(19) != '.' || offsetAt == 20 || offsetAt - 20 > 9) {
                return OffsetDateTime.parse(text).toInstant();
            }
            nanos = digits(text, 20, offsetAt);
            for (int scale = offsetAt - 20; scale < 9 && nanos >= 0; scale++) {
                nanos *= 10;
            }
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int offsetHours = digits(text, offsetAt + 1, offsetAt + 3);
        int offsetMinutes = digits(text, offsetAt + 4, length);
        if ((sign != '+' && sign != '-')
                || (year | month | day | hour | minute | second | nanos | offsetHours | offsetMinutes) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour > 23
                || minute > 59
                || second > 59
                || offsetHours > 18
                || offsetMinutes > 59) {
            return OffsetDateTime.parse(text).toInstant();
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            // 2026-02-30 and the like: the general parser words the error
            return OffsetDateTime.parse(text).toInstant();
        }
        int offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The decimal number written in {@code text} from {@code start} to {@code end}, or -1 if any is no digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** One row: a column that is missing or JSON null reads as null, as SQL null would. */
    record Row(JsonNode node) {

        String string(String column) {
            var value = node.get(column);
            return value == null || value.isNull() ? null : value.asString();
        }

        UUID uuid(String column) {
            var value = string(column);
            return value == null ? null : UUID.fromString(value);
        }

        LocalDate date(String column) {
            var value = string(column);
            return value == null ? null : LocalDate.parse(value);
        }

        /** PostgreSQL writes a {@code timestamptz} in ISO 8601 with the session's offset. */
        Instant instant(String column) {
            var value = string(column);
            return value == null ? null : instantOf(value);
        }

        Integer integer(String column) {
            var value = node.get(column);
            return value == null || value.isNull() ? null : value.asInt();
        }

        boolean bool(String column) {
            var value = node.get(column);
            return value != null && value.asBoolean();
        }
    }
}
