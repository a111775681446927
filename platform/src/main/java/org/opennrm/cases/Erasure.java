package org.opennrm.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.EncryptedColumn;
import org.opennrm.access.IdentityProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of a person's case, on their request where the law allows it, or when the retention period of a closed
 * case has ended ({@link Retention}); and the legal hold that stops both.
 *
 * <p>Erasing removes the person's identity and every free text about them, in every module: each column declared
 * as an {@link EncryptedColumn} (identity, circumstances, reasons, notes, the criminal-justice proceedings, service
 * referral purposes, ...) is emptied in the rows of the case, and the linkage encoding of the person is deleted.
 * A nullable column becomes {@code NULL}; a column that may not be empty gets the encryption of an empty text under
 * its row's context, so the pages that show the case still work. What stays: the case row with its reference,
 * codes, dates and status, which hold no identity; the statistics facts (codes and counts, never identity) are not
 * touched, so published tables stay as they were; and the audit trail, whose entries keep pointing to the case by
 * its id and now lead to an erased record, is only added to (one {@link AuditAction#ERASED} entry), so its chain
 * still verifies.
 */
@Component
public class Erasure {

    /** What an erasure removed, counted by table (for the audit detail and the answer; no content). */
    public record Erased(UUID caseId, Instant erasedAt, int valuesRemoved, int encodingsRemoved) {}

    private final JdbcClient jdbc;
    private final IdentityProtection protection;
    private final List<EncryptedColumn> columns;
    private final AuditTrail audit;
    private final CaseFileChanges changes;
    private final Clock clock;
    private final Map<String, Boolean> hasCaseId = new ConcurrentHashMap<>();
    private final Map<String, Boolean> nullable = new ConcurrentHashMap<>();

    Erasure(
            JdbcClient jdbc,
            IdentityProtection protection,
            List<EncryptedColumn> columns,
            AuditTrail audit,
            CaseFileChanges changes,
            Clock clock) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.columns = List.copyOf(columns);
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    /** Erases a case on request; refused while it is on legal hold. */
    @Transactional
    @PreAuthorize("hasAuthority('retention:manage:all')")
    public Erased erase(CaseId id) {
        return eraseCase(id);
    }

    /** Erases a case whose retention period ended; the caller has checked hold and age. */
    @Transactional
    Erased eraseCase(CaseId id) {
        var state = jdbc.sql("""
                        select legal_hold_since is not null as held, erased_at is not null as erased
                        from cases.case_file where id = :id for update""")
                .param("id", id.value())
                .query((row, n) -> new boolean[] {row.getBoolean("held"), row.getBoolean("erased")})
                .optional()
                .orElseThrow(() -> new RecordNotFound(CaseManagement.RECORD_TYPE, id));
        if (state[0]) {
            throw ErasureRefused.legalHold();
        }
        if (state[1]) {
            throw ErasureRefused.alreadyErased();
        }
        UUID personId = jdbc.sql("select person_id from cases.case_file where id = :id")
                .param("id", id.value())
                .query(UUID.class)
                .single();
        int removed = 0;
        for (var column : columns) {
            removed += empty(column, id.value(), personId);
        }
        // the search index's buckets of the erased names: they would still link this person to others of a name
        jdbc.sql("delete from cases.person_name_word where person_id = :person")
                .param("person", personId)
                .update();
        int encodings = jdbc.sql("delete from linkage.person_encoding where case_id = :id")
                .param("id", id.value())
                .update();
        jdbc.sql("delete from linkage.possible_duplicate where case_id = :id or other_case_id = :id")
                .param("id", id.value())
                .update();
        Instant now = clock.instant();
        jdbc.sql("update cases.case_file set erased_at = :now, updated_at = :now where id = :id")
                .param("now", java.sql.Timestamp.from(now))
                .param("id", id.value())
                .update();
        audit.record(AuditAction.ERASED, CaseManagement.RECORD_TYPE, id.value(), "values=" + removed);
        changes.changed();
        return new Erased(id.value(), now, removed, encodings);
    }

    /** Puts a case on legal hold: from now on neither erasure nor the retention job removes it. */
    @Transactional
    @PreAuthorize("hasAuthority('retention:manage:all')")
    public void placeHold(CaseId id) {
        var actor = Actor.current().orElseThrow();
        int updated = jdbc.sql("""
                        update cases.case_file set legal_hold_since = coalesce(legal_hold_since, :now),
                            legal_hold_by = coalesce(legal_hold_by, :by)
                        where id = :id and erased_at is null""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("by", actor.accountId())
                .param("id", id.value())
                .update();
        if (updated == 0) {
            throw new RecordNotFound(CaseManagement.RECORD_TYPE, id);
        }
        audit.record(AuditAction.LEGAL_HOLD_PLACED, CaseManagement.RECORD_TYPE, id.value());
        changes.changed();
    }

    /** Releases the legal hold of a case. */
    @Transactional
    @PreAuthorize("hasAuthority('retention:manage:all')")
    public void releaseHold(CaseId id) {
        int updated = jdbc.sql("""
                        update cases.case_file set legal_hold_since = null, legal_hold_by = null
                        where id = :id""").param("id", id.value()).update();
        if (updated == 0) {
            throw new RecordNotFound(CaseManagement.RECORD_TYPE, id);
        }
        audit.record(AuditAction.LEGAL_HOLD_RELEASED, CaseManagement.RECORD_TYPE, id.value());
        changes.changed();
    }

    /** Whether a case is on legal hold. */
    public boolean onHold(CaseId id) {
        return jdbc.sql("select legal_hold_since is not null from cases.case_file where id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The number of cases on legal hold now. */
    public long casesOnHold() {
        return jdbc.sql("select count(*) from cases.case_file where legal_hold_since is not null")
                .query(Long.class)
                .single();
    }

    /** Empties one encrypted column in the rows of a case; a column of rows of no case is left alone. */
    private int empty(EncryptedColumn column, UUID caseId, UUID personId) {
        String where;
        UUID key;
        if (column.table().equals("cases.person")) {
            where = "id = :key";
            key = personId;
        } else if (column.table().equals("cases.case_file")) {
            where = "id = :key";
            key = caseId;
        } else if (hasCaseId(column.table())) {
            where = "case_id = :key";
            key = caseId;
        } else {
            // accounts' secrets, linkage uploads, anonymous notifications: no person's case
            return 0;
        }
        String table = column.table();
        String name = column.column();
        if (isNullable(table, name)) {
            return jdbc.sql("update " + table + " set " + name + " = null where " + where + " and " + name
                            + " is not null")
                    .param("key", key)
                    .update();
        }
        // a column that may not be empty: the empty text, encrypted for its own row
        var ids = jdbc.sql("select " + column.idColumn() + "::text from " + table + " where " + where)
                .param("key", key)
                .query(String.class)
                .list();
        for (String rowId : ids) {
            jdbc.sql("update " + table + " set " + name + " = :value where " + column.idColumn() + "::text = :row")
                    .param("value", protection.encrypt("", column.contextPrefix() + rowId))
                    .param("row", rowId)
                    .update();
        }
        return ids.size();
    }

    private boolean hasCaseId(String table) {
        return hasCaseId.computeIfAbsent(table, t -> columnInfo(t, "case_id") != null);
    }

    private boolean isNullable(String table, String column) {
        return nullable.computeIfAbsent(table + "." + column, key -> "YES".equals(columnInfo(table, column)));
    }

    private String columnInfo(String table, String column) {
        String[] parts = table.split("\\.", 2);
        return jdbc.sql("""
                        select is_nullable from information_schema.columns
                        where table_schema = :schema and table_name = :table and column_name = :column""")
                .param("schema", parts[0])
                .param("table", parts[1])
                .param("column", column)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
