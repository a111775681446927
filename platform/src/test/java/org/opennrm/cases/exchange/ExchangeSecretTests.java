package org.opennrm.cases.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secret behind exchange pseudonyms lives in an owner-only key file, not in the database: a running platform has
 * none left there, and a secret an earlier version kept there moves to the file unchanged (receivers keep following
 * their cases) and leaves the database.
 */
@PlatformTest
class ExchangeSecretTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ExchangeSecret running;

    long inTheDatabase() {
        return jdbc.sql("select count(*) from cases.exchange_secret")
                .query(Long.class)
                .single();
    }

    @Test
    void aRunningPlatformKeepsNoExchangeSecretInTheDatabase() {
        assertThat(running.secret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(inTheDatabase()).isZero();
    }

    @Test
    void aSecretLeftInTheDatabaseMovesToAnOwnerOnlyFileUnchanged(@TempDir Path folder) throws Exception {
        String legacy = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        jdbc.sql("insert into cases.exchange_secret (id, secret) values (1, ?) on conflict (id) do nothing")
                .param(legacy)
                .update();
        Path file = folder.resolve("exchange-secret");

        var moved = new ExchangeSecret(jdbc, transactions, "", file);

        assertThat(new String(moved.secret(), StandardCharsets.UTF_8)).isEqualTo(legacy);
        assertThat(Files.readString(file).strip()).isEqualTo(legacy);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(inTheDatabase()).isZero();
        // the next start reads the file
        assertThat(new ExchangeSecret(jdbc, transactions, "", file).secret()).isEqualTo(moved.secret());
    }

    @Test
    void aFreshInstallationMakesARandomSecret(@TempDir Path folder) {
        var first = new ExchangeSecret(jdbc, transactions, "", folder.resolve("one")).secret();
        var second = new ExchangeSecret(jdbc, transactions, "", folder.resolve("two")).secret();
        assertThat(first).hasSize(64).isNotEqualTo(second);
    }
}
