package org.opennrm.prevention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The flags of the watched series ({@code prevention.change_flag}) and when they were last scanned. */
@Repository
class ChangeFlags {

    private static final String COLUMNS = "id, event, breakdown, category, period, direction, size, confidence,"
            + " expected, observed, provisional, found_at, reviewed_at, review_comment";

    private final JdbcClient jdbc;

    ChangeFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps a flag: new, or the newer figures of one already found for the same series and quarter (its review
     * stays).
     */
    void keep(String event, String breakdown, String category, ChangeFlag flag, Instant at) {
        jdbc.sql("insert into prevention.change_flag (id, event, breakdown, category, period, direction, size,"
                        + " confidence, expected, observed, provisional, found_at)"
                        + " values (:id, :event, :breakdown, :category, :period, :direction, :size, :confidence,"
                        + " :expected, :observed, :provisional, :at)"
                        + " on conflict (event, coalesce(breakdown, ''), coalesce(category, ''), period) do update set"
                        + " direction = excluded.direction, size = excluded.size, confidence = excluded.confidence,"
                        + " expected = excluded.expected, observed = excluded.observed,"
                        + " provisional = excluded.provisional")
                .param("id", UUID.randomUUID())
                .param("event", event)
                .param("breakdown", breakdown)
                .param("category", category)
                .param("period", flag.period())
                .param("direction", flag.direction().name())
                .param("size", flag.size())
                .param("confidence", flag.confidence())
                .param("expected", flag.expected())
                .param("observed", Math.round(flag.observed()))
                .param("provisional", flag.provisional())
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    List<StoredFlag> open() {
        return jdbc.sql("select " + COLUMNS + " from prevention.change_flag where reviewed_at is null"
                        + " order by period desc, confidence desc, abs(size) desc")
                .query(ChangeFlags::flag)
                .list();
    }

    List<StoredFlag> all() {
        return jdbc.sql("select " + COLUMNS + " from prevention.change_flag order by period desc, confidence desc"
                        + " limit 500")
                .query(ChangeFlags::flag)
                .list();
    }

    Optional<StoredFlag> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from prevention.change_flag where id = :id")
                .param("id", id)
                .query(ChangeFlags::flag)
                .optional();
    }

    /** Marks an open flag reviewed; false when it was reviewed already (by someone else, meanwhile). */
    boolean review(UUID id, UUID by, Instant at, String comment) {
        return jdbc.sql("update prevention.change_flag set reviewed_by = :by, reviewed_at = :at,"
                                + " review_comment = :comment where id = :id and reviewed_at is null")
                        .param("id", id)
                        .param("by", by)
                        .param("at", java.sql.Timestamp.from(at))
                        .param("comment", comment)
                        .update()
                == 1;
    }

    Optional<Instant> lastScan() {
        return jdbc.sql("select scanned_at from prevention.scan where id = 1")
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    void scanned(Instant at) {
        jdbc.sql("insert into prevention.scan (id, scanned_at) values (1, :at)"
                        + " on conflict (id) do update set scanned_at = excluded.scanned_at")
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    private static StoredFlag flag(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var reviewed = rs.getTimestamp("reviewed_at");
        return new StoredFlag(
                rs.getObject("id", UUID.class),
                rs.getString("event"),
                rs.getString("breakdown"),
                rs.getString("category"),
                rs.getString("period"),
                ChangeFlag.Direction.valueOf(rs.getString("direction")),
                rs.getDouble("size"),
                rs.getDouble("confidence"),
                rs.getDouble("expected"),
                rs.getLong("observed"),
                rs.getBoolean("provisional"),
                rs.getTimestamp("found_at").toInstant(),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getString("review_comment"));
    }
}
