package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform works as an application role that owns its data and nothing more, and the embedded server lets
 * nobody in without a password.
 */
@PlatformTest
class LeastPrivilegeTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedServer server;

    @Test
    void thePlatformConnectsAsAnApplicationRoleThatIsNoSuperuser() {
        assertThat(jdbc.sql("select current_user").query(String.class).single())
                .isEqualTo(EmbeddedAccounts.APPLICATION_ROLE);
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles"
                                + " where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        // what only a superuser may do: change the server's settings, create roles
        assertThatThrownBy(() -> jdbc.sql("create role intruder superuser").update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("select pg_read_file('postgresql.conf')")
                        .query(String.class)
                        .single())
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void theApplicationRoleOwnsEverySchemaOfThePlatformAndWhatIsInIt() {
        assertThat(jdbc.sql("""
                        select n.nspname || ' ' || pg_get_userbyid(n.nspowner) from pg_namespace n
                         where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                           and pg_get_userbyid(n.nspowner) not in (current_user, 'pg_database_owner')""").query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("""
                        select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                           and c.relowner <> current_user::regrole""").query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname in ('cases', 'access')")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theServerRefusesAConnectionWithoutTheRightPassword() throws Exception {
        String url = "jdbc:postgresql://localhost:" + server.port() + "/opennrm";
        for (String user : new String[] {EmbeddedAccounts.SUPERUSER, EmbeddedAccounts.APPLICATION_ROLE}) {
            var none = new Properties();
            none.setProperty("user", user);
            assertThatThrownBy(() -> DriverManager.getConnection(url, none).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            var wrong = new Properties();
            wrong.setProperty("user", user);
            wrong.setProperty("password", "not-the-generated-password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, wrong).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void thePasswordsAreKeptInTheDataFolderForTheirOwnerOnly() throws Exception {
        var file = server.dataFolder().getParent().resolve(EmbeddedAccounts.PASSWORDS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        var stored = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            stored.load(reader);
        }
        var application = new Properties();
        application.setProperty("user", EmbeddedAccounts.APPLICATION_ROLE);
        application.setProperty("password", stored.getProperty("application"));
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + server.port() + "/opennrm", application);
                var user = connection.createStatement().executeQuery("select current_user")) {
            user.next();
            assertThat(user.getString(1)).isEqualTo(EmbeddedAccounts.APPLICATION_ROLE);
        }
    }
}
