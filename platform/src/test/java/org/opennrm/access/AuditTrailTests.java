package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A read and its entry in one statement: {@link AuditTrail#readRecorded}. */
@PlatformTest
class AuditTrailTests {

    private static final String RECORD_TYPE = "recorded-read-test";

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordedReadReturnsItsRowAndLeavesOneEntryThatIsSealed() {
        String recordId = UUID.randomUUID().toString();

        var read = audit.readRecorded(
                RECORD_TYPE,
                recordId,
                "select :word || '!' as said",
                Map.of("word", "found"),
                (rs, n) -> rs.getString("said"));

        assertThat(read).contains("found!");
        assertThat(entries(recordId)).isEqualTo(1);
        chain.seal();
        var sealed = jdbc.sql("select action, sequence from access.audit_trail where record_id = :id")
                .param("id", recordId)
                .query()
                .singleRow();
        assertThat(sealed.get("action")).isEqualTo("READ");
        assertThat(sealed.get("sequence")).isNotNull();
    }

    @Test
    void manyReadsAreRecordedInOneStatementInTheirOrderAndSealedLikeAnyOther() {
        var ids = java.util.List.of(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString());

        org.opennrm.cases.SignedIn.run(
                Role.CASE_MANAGER,
                UUID.randomUUID(),
                () -> audit.recordAll(AuditAction.READ, RECORD_TYPE, ids, "search"));
        audit.recordAll(AuditAction.READ, RECORD_TYPE, java.util.List.of(), "search");

        chain.seal();
        var sealed = jdbc.sql("""
                        select record_id, action, detail, username, sequence from access.audit_trail
                        where record_type = :type and record_id in (:ids) order by sequence""")
                .param("type", RECORD_TYPE)
                .param("ids", ids)
                .query()
                .listOfRows();
        assertThat(sealed).extracting(row -> row.get("record_id")).containsExactlyElementsOf(ids);
        assertThat(sealed).allSatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("READ");
            assertThat(row.get("detail")).isEqualTo("search");
            assertThat(row.get("username")).isNotNull();
            assertThat(row.get("sequence")).isNotNull();
        });
        // one id too long for its column: none of the entries is written
        var tooLong = java.util.List.of(UUID.randomUUID().toString(), "x".repeat(101));
        assertThatThrownBy(() -> audit.recordAll(AuditAction.READ, RECORD_TYPE, tooLong, null))
                .isInstanceOf(DataAccessException.class);
        assertThat(entries(tooLong.getFirst())).isZero();
    }

    @Test
    void readThatFindsNothingIsRecordedAsAnAttempt() {
        String recordId = UUID.randomUUID().toString();

        var read = audit.readRecorded(
                RECORD_TYPE,
                recordId,
                "select 1 as one where :never",
                Map.of("never", false),
                (rs, n) -> rs.getInt("one"));

        assertThat(read).isEmpty();
        assertThat(entries(recordId)).isEqualTo(1);
    }

    @Test
    void entryThatCannotBeWrittenFailsTheReadAndLeavesNothing() {
        // a record id longer than the column: the entry's insert fails, and with it the read
        String recordId = "x".repeat(101);

        assertThatThrownBy(() -> audit.readRecorded(
                        RECORD_TYPE, recordId, "select 'secret' as said", Map.of(), (rs, n) -> rs.getString("said")))
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql(
                                "select count(*) from access.audit_entry where record_type = :type and length(record_id) > 100")
                        .param("type", RECORD_TYPE)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void queryThatIsNotOnePlainSelectIsRefused() {
        assertThatThrownBy(() -> audit.readRecorded(
                        RECORD_TYPE, "1", "with x as (select 1) select * from x", Map.of(), (rs, n) -> 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> audit.readRecorded(
                        RECORD_TYPE, "1", "delete from access.audit_unsealed", Map.of(), (rs, n) -> 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> audit.readRecorded(
                        RECORD_TYPE, "1", "select :auditAction", Map.of("auditAction", "CREATE"), (rs, n) -> 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long entries(String recordId) {
        return jdbc.sql("select count(*) from access.audit_entry where record_type = :type and record_id = :id")
                .param("type", RECORD_TYPE)
                .param("id", recordId)
                .query(Long.class)
                .single();
    }
}
