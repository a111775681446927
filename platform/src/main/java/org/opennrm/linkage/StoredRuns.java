package org.opennrm.linkage;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.access.IdentityProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Linkage runs, their lists and overlap tables in the {@code linkage} schema. Uploaded encodings are stored
 * encrypted with the identity key (bound to their row) and only until the run completes or is discarded.
 */
@Repository
class StoredRuns {

    static final String ENCODINGS_CONTEXT = "linkage.run_list.encodings:";
    static final String FIELDS_CONTEXT = "linkage.run_list.fields:";

    private final JdbcClient jdbc;
    private final IdentityProtection protection;

    StoredRuns(JdbcClient jdbc, IdentityProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    void insert(UUID id, String name, double threshold, boolean mergeWithinLists, UUID by, Instant at) {
        jdbc.sql("""
                        insert into linkage.run (id, name, threshold, merge_within_lists, status, created_by,
                            created_at, version)
                        values (:id, :name, :threshold, :merge, 'DRAFT', :by, :at, 0)""")
                .param("id", id)
                .param("name", name)
                .param("threshold", BigDecimal.valueOf(threshold))
                .param("merge", mergeWithinLists)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The run with its lists and overlap table, locking its row until the transaction ends when asked to. */
    Optional<LinkageRun> find(UUID id, boolean lock) {
        var run = jdbc.sql("select * from linkage.run where id = :id" + (lock ? " for update" : ""))
                .param("id", id)
                .query((rs, row) -> runRow(rs))
                .optional();
        return run.map(found -> {
            var lists = lists(id);
            return found.status() == RunStatus.COMPLETED
                    ? found.with(lists, overlap(id, lists), quality(id))
                    : found.with(lists, null, List.of());
        });
    }

    /** Every run, newest first, without their lists' details. */
    List<LinkageRun> all() {
        Map<UUID, List<RunList>> lists = new java.util.HashMap<>();
        jdbc.sql("select * from linkage.run_list order by position").query(rs -> {
            lists.computeIfAbsent(rs.getObject("run_id", UUID.class), key -> new ArrayList<>())
                    .add(listRow(rs));
        });
        return jdbc
                .sql("select * from linkage.run order by created_at desc")
                .query((rs, row) -> runRow(rs))
                .list()
                .stream()
                .map(run -> run.with(lists.getOrDefault(run.id(), List.of()), null, List.of()))
                .toList();
    }

    /** Stores an uploaded list, its encodings and (when not null) its field encodings encrypted, bound to the row. */
    void insertList(
            UUID runId,
            UUID listId,
            int position,
            String label,
            int records,
            byte[] clk,
            byte[] fields,
            UUID by,
            Instant at) {
        String sealed = protection.encrypt(Base64.getEncoder().encodeToString(clk), ENCODINGS_CONTEXT + listId);
        String sealedFields = fields == null
                ? null
                : protection.encrypt(Base64.getEncoder().encodeToString(fields), FIELDS_CONTEXT + listId);
        jdbc.sql("""
                        insert into linkage.run_list (id, run_id, position, label, records, encodings, fields,
                            with_fields, uploaded_by, uploaded_at)
                        values (:id, :runId, :position, :label, :records, :encodings, :fields, :withFields, :by,
                            :at)""")
                .param("id", listId)
                .param("runId", runId)
                .param("position", position)
                .param("label", label)
                .param("records", records)
                .param("encodings", sealed)
                .param("fields", sealedFields)
                .param("withFields", fields != null)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        touch(runId);
    }

    /** Removes a list of a draft and closes the gap in the positions, so that positions stay 0, 1, 2, ... */
    void deleteList(UUID runId, UUID listId) {
        var position = jdbc.sql("delete from linkage.run_list where id = :id and run_id = :runId returning position")
                .param("id", listId)
                .param("runId", runId)
                .query(Integer.class)
                .optional();
        position.ifPresent(
                gap -> jdbc.sql("""
                        update linkage.run_list set position = position - 1
                        where run_id = :runId and position > :gap""").param("runId", runId).param("gap", gap).update());
        touch(runId);
    }

    /** The uploaded encodings of a list, decrypted: 128 bytes per record. */
    byte[] encodings(UUID listId) {
        String sealed = jdbc.sql("select encodings from linkage.run_list where id = :id")
                .param("id", listId)
                .query(String.class)
                .single();
        if (sealed == null) {
            throw new IllegalStateException("The encodings of list " + listId + " were deleted");
        }
        return Base64.getDecoder().decode(protection.decrypt(sealed, ENCODINGS_CONTEXT + listId));
    }

    /** The uploaded field encodings of a list, decrypted, or null when the agency uploaded none. */
    byte[] fields(UUID listId) {
        String sealed = jdbc.sql("select fields from linkage.run_list where id = :id")
                .param("id", listId)
                .query(String.class)
                .optional()
                .orElse(null);
        return sealed == null ? null : Base64.getDecoder().decode(protection.decrypt(sealed, FIELDS_CONTEXT + listId));
    }

    void complete(UUID runId, UUID by, Instant at, OverlapCount.Result result, List<RunList> lists) {
        OverlapTable table = result.table();
        int[] personsPerList = result.personsPerList();
        for (int l = 0; l < lists.size(); l++) {
            jdbc.sql("update linkage.run_list set persons = :persons, encodings = null, fields = null where id = :id")
                    .param("persons", personsPerList[l])
                    .param("id", lists.get(l).id())
                    .update();
        }
        for (var row : table.rows()) {
            jdbc.sql("insert into linkage.run_overlap (run_id, combination, persons) values (:runId, :combination,"
                            + " :persons)")
                    .param("runId", runId)
                    .param("combination", row.combination())
                    .param("persons", row.count())
                    .update();
        }
        for (var expected : result.quality()) {
            jdbc.sql("""
                            insert into linkage.run_quality (run_id, list_a, list_b, matches, expected_precision,
                                expected_recall, note)
                            values (:runId, :a, :b, :matches, :precision, :recall, :note)""")
                    .param("runId", runId)
                    .param("a", expected.listA())
                    .param("b", expected.listB())
                    .param("matches", expected.matches())
                    .param("precision", rate(expected.expectedPrecision()))
                    .param("recall", rate(expected.expectedRecall()))
                    .param("note", expected.note())
                    .update();
        }
        var method = result.method();
        jdbc.sql("""
                        update linkage.run set status = 'COMPLETED', completed_by = :by, completed_at = :at,
                            persons = :persons, model = :model, dice_threshold = :dice, model_fallback = :fallback,
                            version = version + 1
                        where id = :id""")
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("persons", table.total())
                .param("model", method.model().name())
                .param("dice", method.diceThreshold() == null ? null : BigDecimal.valueOf(method.diceThreshold()))
                .param("fallback", method.fallback())
                .param("id", runId)
                .update();
    }

    void discard(UUID runId, UUID by, Instant at) {
        jdbc.sql("update linkage.run_list set encodings = null, fields = null where run_id = :runId")
                .param("runId", runId)
                .update();
        jdbc.sql("""
                        update linkage.run set status = 'DISCARDED', completed_by = :by, completed_at = :at,
                            version = version + 1
                        where id = :id""")
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("id", runId)
                .update();
    }

    /** How many lists of runs still hold encodings (for tests and operators: should be drafts only). */
    long listsHoldingEncodings(UUID runId) {
        return jdbc.sql("""
                        select count(*) from linkage.run_list
                        where run_id = :runId and (encodings is not null or fields is not null)""").param("runId", runId).query(Long.class).single();
    }

    private void touch(UUID runId) {
        jdbc.sql("update linkage.run set version = version + 1 where id = :id")
                .param("id", runId)
                .update();
    }

    private List<RunList> lists(UUID runId) {
        return jdbc.sql("select * from linkage.run_list where run_id = :runId order by position")
                .param("runId", runId)
                .query((rs, row) -> listRow(rs))
                .list();
    }

    private OverlapTable overlap(UUID runId, List<RunList> lists) {
        var rows = jdbc
                .sql("select combination, persons from linkage.run_overlap where run_id = :runId")
                .param("runId", runId)
                .query((rs, row) -> OverlapTable.Row.of(rs.getString(1), rs.getInt(2)))
                .list()
                .stream()
                .sorted(OverlapCount.ROW_ORDER)
                .toList();
        return new OverlapTable(lists.stream().map(RunList::label).toList(), rows);
    }

    private List<RunQuality> quality(UUID runId) {
        return jdbc.sql("""
                        select * from linkage.run_quality where run_id = :runId
                        order by list_a <> list_b, list_a, list_b""")
                .param("runId", runId)
                .query((rs, row) -> new RunQuality(
                        rs.getInt("list_a"),
                        rs.getInt("list_b"),
                        rs.getInt("matches"),
                        rs.getBigDecimal("expected_precision") == null
                                ? null
                                : rs.getBigDecimal("expected_precision").doubleValue(),
                        rs.getBigDecimal("expected_recall") == null
                                ? null
                                : rs.getBigDecimal("expected_recall").doubleValue(),
                        rs.getString("note")))
                .list();
    }

    /** A rate kept to four places, within 0 and 1 whatever rounding did; null stays null. */
    private static BigDecimal rate(Double value) {
        if (value == null) {
            return null;
        }
        double bounded = value.isNaN() ? 0 : Math.max(0, Math.min(1, value));
        return BigDecimal.valueOf(bounded).setScale(4, java.math.RoundingMode.HALF_EVEN);
    }

    private static RunRow runRow(ResultSet rs) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        int persons = rs.getInt("persons");
        Integer personsOrNull = rs.wasNull() ? null : persons;
        return new RunRow(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getBigDecimal("threshold").doubleValue(),
                rs.getBoolean("merge_within_lists"),
                RunStatus.valueOf(rs.getString("status")),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("completed_by", UUID.class),
                completed == null ? null : completed.toInstant(),
                personsOrNull,
                rs.getInt("version"),
                rs.getString("model") == null ? null : LinkageModel.valueOf(rs.getString("model")),
                rs.getBigDecimal("dice_threshold") == null
                        ? null
                        : rs.getBigDecimal("dice_threshold").doubleValue(),
                rs.getString("model_fallback"));
    }

    private static RunList listRow(ResultSet rs) throws SQLException {
        int persons = rs.getInt("persons");
        Integer personsOrNull = rs.wasNull() ? null : persons;
        return new RunList(
                rs.getObject("id", UUID.class),
                rs.getInt("position"),
                rs.getString("label"),
                rs.getInt("records"),
                personsOrNull,
                rs.getTimestamp("uploaded_at").toInstant(),
                rs.getBoolean("with_fields"));
    }

    private record RunRow(
            UUID id,
            String name,
            double threshold,
            boolean mergeWithinLists,
            RunStatus status,
            UUID createdBy,
            Instant createdAt,
            UUID completedBy,
            Instant completedAt,
            Integer persons,
            int version,
            LinkageModel model,
            Double diceThreshold,
            String modelFallback) {

        LinkageRun with(List<RunList> lists, OverlapTable overlap, List<RunQuality> quality) {
            return new LinkageRun(
                    id,
                    name,
                    threshold,
                    mergeWithinLists,
                    status,
                    createdBy,
                    createdAt,
                    completedBy,
                    completedAt,
                    persons,
                    version,
                    lists,
                    overlap,
                    model,
                    diceThreshold,
                    modelFallback,
                    quality);
        }
    }
}
