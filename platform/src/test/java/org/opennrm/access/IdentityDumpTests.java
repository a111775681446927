package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What someone who copies the database sees: identity fields only as ciphertext. */
@PlatformTest
class IdentityDumpTests {

    @Autowired
    IdentityProtection protection;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void databaseDumpShowsNoIdentityFieldInClearText() throws Exception {
        String marker = "SYNTHETICMARKER"
                + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        String username = "dump-" + UUID.randomUUID().toString().substring(0, 8);
        var account = accounts.create(new AccountManagement.NewAccount(
                username,
                "Synthetic Dump Person",
                username + "@example.org",
                organisations.all().getFirst().id(),
                Set.of(Role.CASE_MANAGER),
                "a long synthetic password"));
        String sealed = protection.encrypt(marker, "access.account.totp_secret:" + account.id());
        jdbc.sql("update access.account set totp_secret = :secret where id = :id")
                .param("secret", sealed)
                .param("id", account.id())
                .update();

        String dump = dumpOfEveryApplicationTable();

        assertThat(dump).contains(username).contains(sealed);
        assertThat(dump).doesNotContain(marker);
    }

    /** Every row of every table outside PostgreSQL's own schemas, as COPY writes it (what pg_dump holds). */
    private String dumpOfEveryApplicationTable() throws Exception {
        List<Map<String, Object>> tables = jdbc.sql("""
                        select table_schema, table_name from information_schema.tables
                        where table_type = 'BASE TABLE'
                          and table_schema not in ('pg_catalog', 'information_schema')
                          and table_schema not like 'pg_toast%'
                        order by 1, 2""").query().listOfRows();
        assertThat(tables)
                .extracting(t -> t.get("table_schema") + "." + t.get("table_name"))
                .contains("access.account", "access.audit_entry");
        var dump = new StringWriter();
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (var table : tables) {
                String name = quoted(table.get("table_schema")) + "." + quoted(table.get("table_name"));
                dump.append("-- ").append(name).append('\n');
                copy.copyOut("COPY (select * from " + name + ") TO STDOUT", dump);
            }
        }
        return dump.toString();
    }

    private static String quoted(Object identifier) {
        return "\"" + identifier.toString().replace("\"", "\"\"") + "\"";
    }
}
