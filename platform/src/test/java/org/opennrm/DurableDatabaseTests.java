package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded server the platform runs on keeps what it acknowledged through a crash. */
@PlatformTest
class DurableDatabaseTests {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"fsync", "synchronous_commit", "full_page_writes"})
    void theRunningServerWritesDurably(String setting) {
        // asked of the running server, not of the configuration that was meant to reach it
        assertThat(jdbc.sql("show " + setting).query(String.class).single()).isEqualTo("on");
    }
}
