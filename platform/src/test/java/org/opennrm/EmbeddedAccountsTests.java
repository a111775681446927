package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data folder from before the application role (the superuser {@code postgres}, {@code trust}) keeps working:
 * its first start hands the platform's data to the application role and turns passwords on, and later starts
 * find everything in place.
 */
class EmbeddedAccountsTests {

    static final Path DATA =
            Path.of("target", "test-data", "accounts-" + System.nanoTime()).toAbsolutePath();

    @Test
    void anInstallationFromBeforeIsHandedToTheApplicationRoleAndAsksForPasswords() throws Exception {
        Path pgData = DATA.resolve("postgres");
        Files.createDirectories(pgData);
        // the old way: zonky's cluster (trust), everything created by the superuser
        try (var old = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .start()) {
            JdbcClient.create(old.getPostgresDatabase())
                    .sql("create database opennrm")
                    .update();
            var jdbc = JdbcClient.create(old.getDatabase("postgres", "opennrm"));
            jdbc.sql("create schema cases").update();
            jdbc.sql("create table cases.note (id serial primary key, body text)")
                    .update();
            jdbc.sql("insert into cases.note (body) values ('synthetic, before the upgrade')")
                    .update();
            jdbc.sql("create view cases.note_count as select count(*) from cases.note")
                    .update();
            jdbc.sql("create function cases.twice(n integer) returns integer language sql as 'select n * 2'")
                    .update();
            jdbc.sql("create table public.flyway_like_history (version text)").update();
        }

        for (int start = 1; start <= 2; start++) {
            var passwords = EmbeddedAccounts.passwords(DATA);
            EmbeddedAccounts.initialiseIfNew(pgData, passwords);
            try (var server = EmbeddedServer.start(
                    pgData,
                    0,
                    port -> EmbeddedDatabase.durable(EmbeddedPostgres.builder()
                            .setDataDirectory(pgData)
                            .setCleanDataDirectory(false)
                            .setConnectConfig("password", passwords.superuser())
                            .setPort(port)))) {
                EmbeddedAccounts.secure(server.postgres(), pgData, passwords, "opennrm");

                var app = JdbcClient.create(
                        EmbeddedAccounts.applicationDataSource(server.postgres(), "opennrm", passwords));
                assertThat(app.sql("select current_user").query(String.class).single())
                        .isEqualTo("opennrm");
                // the role owns what the superuser created: it reads, writes, numbers and calls it
                app.sql("insert into cases.note (body) values ('synthetic, after start " + start + "')")
                        .update();
                assertThat(app.sql("select * from cases.note_count")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1L + start);
                assertThat(app.sql("select cases.twice(21)")
                                .query(Integer.class)
                                .single())
                        .isEqualTo(42);
                app.sql("alter table cases.note add column if not exists seen boolean")
                        .update();
                app.sql("insert into public.flyway_like_history values ('1')").update();
                assertThat(app.sql("select rolsuper from pg_roles where rolname = current_user")
                                .query(Boolean.class)
                                .single())
                        .isFalse();

                var noPassword = new Properties();
                noPassword.setProperty("user", "postgres");
                assertThatThrownBy(() -> DriverManager.getConnection(
                                        "jdbc:postgresql://localhost:" + server.port() + "/opennrm", noPassword)
                                .close())
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password");
            }
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf")))
                .doesNotContainPattern("(?m)^[^#]*\\btrust\\s*$")
                .contains("scram-sha-256");
    }
}
