package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Installations upgraded across the audit trail's migrations: across V230, which moved the chain out of the entries
 * into {@code access.audit_seal}, and across V240, which keys the chain. Sealed entries keep their numbers and plain
 * SHA-256 hashes, an entry that was still unsealed is sealed after them with a keyed hash, and the whole trail
 * verifies intact. From then on the old entries are anchored by the first keyed seal after them and by the first
 * signed checkpoint, so that a superuser who rewrites them and re-hashes them (plain SHA-256 needs no key) is caught.
 * Runs on a PostgreSQL of its own, each test on a new database migrated step by step as an upgrade would be.
 */
class AuditChainMigrationTests {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void sealedEntriesKeepTheirPlaceAndUnsealedOnesAreSealedWithAKeyedHashAfterUpgrade() {
        var database = StandaloneAudit.database(postgres, "220");
        var jdbc = JdbcClient.create(database);
        String previous = sealedBeforeV230(jdbc, 3);
        insertOldStyle(jdbc, entry("unsealed at the upgrade"));

        StandaloneAudit.migrate(database, "230");
        assertThat(jdbc.sql("select sequence, detail from access.audit_trail order by id")
                        .query((rs, row) -> rs.getObject("sequence") + " " + rs.getString("detail"))
                        .list())
                .containsExactly(
                        "1 sealed before the upgrade 1",
                        "2 sealed before the upgrade 2",
                        "3 sealed before the upgrade 3",
                        "null unsealed at the upgrade");
        StandaloneAudit.migrate(database, null);
        var audit = StandaloneAudit.on(database);

        assertThat(audit.chain.seal()).isOne();
        var report = audit.verification.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(4);
        assertThat(jdbc.sql("select sequence || ' ' || scheme from access.audit_seal order by sequence")
                        .query(String.class)
                        .list())
                .containsExactly("1 sha256", "2 sha256", "3 sha256", "4 hmac-sha256");
        // the hash of the third entry, computed before the upgrade, is still the link of the fourth
        assertThat(jdbc.sql("select previous_hash from access.audit_seal where sequence = 4")
                        .query(String.class)
                        .single())
                .isEqualTo(previous);
    }

    @Test
    void oldEntriesRewrittenAndReHashedAfterTheUpgradeAreCaughtByTheFirstKeyedSealAndCheckpoint() {
        var database = StandaloneAudit.database(postgres, "220");
        var jdbc = JdbcClient.create(database);
        sealedBeforeV230(jdbc, 3);
        StandaloneAudit.migrate(database, null);
        var audit = StandaloneAudit.on(database);
        // the first start after the upgrade signs the chain as it finds it, then keys every new seal
        assertThat(audit.checkpoints.publish().orElseThrow().sequence()).isEqualTo(3);
        audit.recordSealed("after the upgrade", 2);
        assertThat(audit.verification.verify().intact()).isTrue();

        // entry 2 rewritten, entries 2 and 3 re-hashed with plain SHA-256 (no key needed for those)
        audit.asSuperuser(() -> {
            jdbc.sql("update access.audit_entry set detail = 'nothing to see'"
                            + " where id = (select entry_id from access.audit_seal where sequence = 2)")
                    .update();
            audit.rehash(2, 3, StandaloneAudit::sha256, AuditChain.UNKEYED);
        });

        var report = audit.verification.verify();

        assertThat(report.intact()).isFalse();
        // the signed checkpoint at 3 no longer matches, and the first keyed seal no longer links
        assertThat(report.firstBrokenSequence()).isEqualTo(3);
        assertThat(report.problem()).isEqualTo(AuditVerificationReport.Problem.CHECKPOINT_MISMATCH);
        assertThat(report.problems()).isEqualTo(2);

        // without the checkpoint file (lost, or never shipped), the keyed seal after the old entries still tells
        audit.checkpointFile.toFile().delete();
        var withoutCheckpoints = audit.verification.verify();
        assertThat(withoutCheckpoints.firstBrokenSequence()).isEqualTo(4);
        assertThat(withoutCheckpoints.problem()).isEqualTo(AuditVerificationReport.Problem.LINK_BROKEN);
    }

    /** The old way: entries sealed in their own columns with plain SHA-256; answers the hash of the last. */
    private static String sealedBeforeV230(JdbcClient jdbc, int count) {
        String previous = AuditTrail.GENESIS;
        for (long sequence = 1; sequence <= count; sequence++) {
            var numbered = entry("sealed before the upgrade " + sequence).numbered(sequence, previous);
            var entry = withHash(numbered, AuditTrail.hashOf(numbered, previous));
            insertOldStyle(jdbc, entry);
            previous = entry.hash();
        }
        return previous;
    }

    private static AuditEntry withHash(AuditEntry entry, String hash) {
        return new AuditEntry(
                entry.sequence(),
                entry.recordedAt(),
                entry.accountId(),
                entry.username(),
                entry.organisationId(),
                entry.action(),
                entry.recordType(),
                entry.recordId(),
                entry.detail(),
                entry.remoteAddress(),
                entry.previousHash(),
                hash);
    }

    private static AuditEntry entry(String detail) {
        return new AuditEntry(
                null,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                UUID.randomUUID(),
                "migration-test",
                UUID.randomUUID(),
                AuditAction.READ,
                "migration-test",
                UUID.randomUUID().toString(),
                detail,
                "127.0.0.1",
                null,
                null);
    }

    private static void insertOldStyle(JdbcClient jdbc, AuditEntry entry) {
        jdbc.sql("""
                        insert into access.audit_entry (sequence, recorded_at, account_id, username, organisation_id,
                            action, record_type, record_id, detail, remote_address, previous_hash, hash)
                        values (:sequence, :recordedAt, :accountId, :username, :organisationId, :action,
                            :recordType, :recordId, :detail, :remoteAddress, :previousHash, :hash)""")
                .param("sequence", entry.sequence())
                .param("recordedAt", Timestamp.from(entry.recordedAt()))
                .param("accountId", entry.accountId())
                .param("username", entry.username())
                .param("organisationId", entry.organisationId())
                .param("action", entry.action().name())
                .param("recordType", entry.recordType())
                .param("recordId", entry.recordId())
                .param("detail", entry.detail())
                .param("remoteAddress", entry.remoteAddress())
                .param("previousHash", entry.previousHash())
                .param("hash", entry.hash())
                .update();
    }
}
