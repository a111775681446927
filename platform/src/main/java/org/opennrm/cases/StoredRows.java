package org.opennrm.cases;

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
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
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
