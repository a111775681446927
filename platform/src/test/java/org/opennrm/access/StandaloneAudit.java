package org.opennrm.access;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The audit trail's parts wired by hand on a database of their own (a new database in a test's embedded PostgreSQL),
 * without the application: no background sealer or checkpoint task runs, so a test that forges the chain as a
 * database superuser decides exactly what is sealed and signed when. The embedded server's user is a superuser, as
 * the attacker in these tests is.
 */
final class StandaloneAudit {

    final DataSource database;
    final JdbcClient jdbc;
    final AuditKey key;
    final Path checkpointFile;
    final AuditTrail trail;
    final AuditChain chain;
    final AuditCheckpoints checkpoints;
    final AuditVerification verification;
    final AuditRetention retention;

    private StandaloneAudit(DataSource database, AuditKey key, Path checkpointFile) {
        this.database = database;
        this.jdbc = JdbcClient.create(database);
        this.key = key;
        this.checkpointFile = checkpointFile;
        this.trail = new AuditTrail(jdbc, Clock.systemUTC());
        this.chain = new AuditChain(jdbc, new DataSourceTransactionManager(database), key);
        this.checkpoints =
                new AuditCheckpoints(jdbc, chain, key, Clock.systemUTC(), checkpointFile, 1000, Duration.ofMinutes(5));
        this.verification = new AuditVerification(jdbc, trail, chain, key, checkpoints, Clock.systemUTC(), 7);
        this.retention = new AuditRetention(
                jdbc, chain, checkpoints, key, trail, new DataSourceTransactionManager(database), Clock.systemUTC());
    }

    /**
     * The fully migrated database of each server, copied for every test that wants one: a copy takes a fraction of the
     * second that running every migration again takes.
     */
    private static final java.util.Map<EmbeddedPostgres, String> MIGRATED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** A new, empty database in {@code postgres}, migrated up to {@code target} (every migration when null). */
    static DataSource database(EmbeddedPostgres postgres, String target) {
        var server = JdbcClient.create(postgres.getPostgresDatabase());
        if (target == null) {
            String template = MIGRATED.computeIfAbsent(postgres, each -> newDatabase(each, null));
            String name = "audit_" + UUID.randomUUID().toString().replace("-", "");
            server.sql("create database " + name + " template " + template).update();
            return postgres.getDatabase("postgres", name);
        }
        return postgres.getDatabase("postgres", newDatabase(postgres, target));
    }

    private static String newDatabase(EmbeddedPostgres postgres, String target) {
        String name = "audit_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(postgres.getPostgresDatabase())
                .sql("create database " + name)
                .update();
        migrate(postgres.getDatabase("postgres", name), target);
        return name;
    }

    static void migrate(DataSource database, String target) {
        var configuration = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .outOfOrder(true);
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    /** The audit parts on a database migrated to the newest version, with a new key and checkpoint file. */
    static StandaloneAudit on(DataSource database) {
        try {
            // in the build's folder, like the other tests' data: a folder in /tmp was left behind by every run (the
            // forked test JVMs end without running deleteOnExit)
            Path folder = Files.createDirectories(
                    Path.of("target", "test-data", "audit-checkpoints-" + java.util.UUID.randomUUID()));
            return new StandaloneAudit(database, AuditKey.random(), folder.resolve("audit-checkpoints.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A trail as the platform leaves it, on a new database of {@code postgres}: a first checkpoint at start (0),
     * entries, a checkpoint at 10 and another at 20.
     */
    static StandaloneAudit withCheckpointsAt10And20(EmbeddedPostgres postgres) {
        var audit = on(database(postgres, null));
        audit.checkpoints.publish();
        audit.recordSealed("morning", 10);
        audit.checkpoints.publish();
        audit.recordSealed("afternoon", 10);
        audit.checkpoints.publish();
        return audit;
    }

    /** Records {@code count} entries and seals them; answers the sequence of the last. */
    long recordSealed(String label, int count) {
        for (int i = 0; i < count; i++) {
            trail.record(AuditAction.READ, "standalone-test", UUID.randomUUID(), label + " " + i);
        }
        chain.seal();
        return chain.head().sequence();
    }

    /**
     * What someone with the database's superuser rights can do and the platform cannot: switch the append-only
     * triggers off for one transaction-less change.
     */
    void asSuperuser(Runnable change) {
        jdbc.sql("alter table access.audit_entry disable trigger user").update();
        jdbc.sql("alter table access.audit_seal disable trigger user").update();
        try {
            change.run();
        } finally {
            jdbc.sql("alter table access.audit_entry enable trigger user").update();
            jdbc.sql("alter table access.audit_seal enable trigger user").update();
        }
    }

    /** The entry sealed at a sequence, with its seal's hashes. */
    AuditEntry entry(long sequence) {
        return jdbc.sql("select * from access.audit_trail where sequence = :s")
                .param("s", sequence)
                .query(AuditVerification::entry)
                .single();
    }

    /**
     * Re-hashes the chain from {@code from} to its head as a superuser without the platform's key would: each seal's
     * hash recomputed from the entry as stored now, each link to the recomputed hash before it. {@code hash} makes a
     * seal's hash from its canonical text; {@code scheme} is written as the seal's scheme.
     */
    void rehashFrom(long from, java.util.function.UnaryOperator<String> hash, String scheme) {
        rehash(from, chain.head().sequence(), hash, scheme);
    }

    /** Re-hashes the seals from {@code from} to {@code to} only, as {@link #rehashFrom} does to the head. */
    void rehash(long from, long to, java.util.function.UnaryOperator<String> hash, String scheme) {
        long head = to;
        String previous = from == 1 ? AuditTrail.GENESIS : entry(from - 1).hash();
        for (long sequence = from; sequence <= head; sequence++) {
            var numbered = entry(sequence).numbered(sequence, previous);
            String rehashed = hash.apply(AuditTrail.canonical(numbered, previous));
            jdbc.sql("update access.audit_seal set previous_hash = :previous, hash = :hash, scheme = :scheme"
                            + " where sequence = :s")
                    .param("previous", previous)
                    .param("hash", rehashed)
                    .param("scheme", scheme)
                    .param("s", sequence)
                    .update();
            previous = rehashed;
        }
    }

    /** Plain SHA-256 of a text, as anyone can compute it. */
    static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
