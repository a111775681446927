package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * An installation upgraded across V230, which moved the chain out of the entries into {@code access.audit_seal}:
 * its sealed entries keep their numbers and hashes, an entry that was still unsealed is sealed after them, and the
 * whole trail verifies intact. Runs on a PostgreSQL of its own, migrated step by step as an upgrade would be.
 */
class AuditChainMigrationTests {

    private static EmbeddedPostgres postgres;
    private static DataSource database;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        database = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void sealedEntriesKeepTheirPlaceAndUnsealedOnesAreSealedAfterUpgrade() {
        migrate("220");
        var jdbc = JdbcClient.create(database);
        // the old way: three entries sealed in the entry's own columns, one committed but not yet sealed
        String previous = AuditTrail.GENESIS;
        for (long sequence = 1; sequence <= 3; sequence++) {
            var entry = entry("sealed before the upgrade " + sequence).chainedAfter(sequence, previous);
            insertOldStyle(jdbc, entry);
            previous = entry.hash();
        }
        insertOldStyle(jdbc, entry("unsealed at the upgrade"));

        migrate(null);

        assertThat(jdbc.sql("select sequence, detail, previous_hash, hash from access.audit_trail order by id")
                        .query((rs, row) -> rs.getObject("sequence") + " " + rs.getString("detail"))
                        .list())
                .containsExactly(
                        "1 sealed before the upgrade 1",
                        "2 sealed before the upgrade 2",
                        "3 sealed before the upgrade 3",
                        "null unsealed at the upgrade");
        var chain = new AuditChain(jdbc, new DataSourceTransactionManager(database));
        assertThat(chain.seal()).isOne();
        var verification =
                new AuditVerification(jdbc, new AuditTrail(jdbc, Clock.systemUTC()), chain, Clock.systemUTC());
        var report = verification.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(4);
        assertThat(jdbc.sql("select sequence from access.audit_trail where detail = 'unsealed at the upgrade'")
                        .query(Long.class)
                        .single())
                .isEqualTo(4L);
        // the hash of the third entry, computed before the upgrade, is still the link of the fourth
        assertThat(jdbc.sql("select previous_hash from access.audit_seal where sequence = 4")
                        .query(String.class)
                        .single())
                .isEqualTo(previous);
    }

    private static void migrate(String target) {
        var configuration = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .outOfOrder(true);
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
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
