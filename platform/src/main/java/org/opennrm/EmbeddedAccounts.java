package org.opennrm;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded server, and as whom the platform works. The platform connects as the
 * application role {@value #APPLICATION_ROLE}: it owns the platform's database and schemas, and is no superuser, so
 * that a flaw in the platform cannot reach beyond its own data (files of the server, other databases, roles).
 * Every connection needs a password (scram-sha-256, never {@code trust}): the passwords are generated at the first
 * start and kept in {@code OPENNRM_DATA_DIR/database-passwords}, readable by its owner only.
 *
 * <p>A data folder created before this ran with {@code trust} and the {@code postgres} superuser; its first start
 * sets the passwords, creates the application role, hands it the database and everything in the platform's
 * schemas, and switches the server to passwords. Each start checks all of that again (cheap, and it finishes an
 * upgrade that was interrupted).
 */
final class EmbeddedAccounts {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAccounts.class);

    static final String SUPERUSER = "postgres";
    static final String APPLICATION_ROLE = "opennrm";
    static final String PASSWORDS_FILE = "database-passwords";

    /** Generated passwords are base64url: safe inside a quoted SQL literal, which ALTER ROLE needs. */
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{32,}");

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    record Passwords(String superuser, String application) {
        Passwords {
            if (!PASSWORD.matcher(superuser).matches()
                    || !PASSWORD.matcher(application).matches()) {
                throw new IllegalStateException("The database passwords file holds a password that is not generated");
            }
        }

        @Override
        public String toString() {
            return "Passwords[...]";
        }
    }

    private EmbeddedAccounts() {}

    /** The passwords of the data folder: read, or generated and stored (owner only) at the first start. */
    static Passwords passwords(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORDS_FILE);
        if (Files.exists(file)) {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                log.warn("{} was readable by others: now readable by its owner only", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            var stored = new Properties();
            stored.load(new StringReader(Files.readString(file)));
            return new Passwords(stored.getProperty("superuser", ""), stored.getProperty("application", ""));
        }
        var passwords = new Passwords(generated(), generated());
        var stored = new Properties();
        stored.setProperty("superuser", passwords.superuser());
        stored.setProperty("application", passwords.application());
        var text = new StringWriter();
        stored.store(text, "Passwords of the embedded PostgreSQL (superuser postgres, application role opennrm)");
        writeOwnerOnly(file, text.toString());
        log.info("Generated the embedded database's passwords in {} (readable by its owner only)", file);
        return passwords;
    }

    /**
     * Creates the database cluster with password authentication from the start, so that a new installation never
     * accepts a connection without a password. zonky would create it with {@code trust}; it leaves a folder that
     * already holds a cluster alone.
     */
    static void initialiseIfNew(Path pgData, Passwords passwords) throws IOException {
        if (Files.exists(pgData.resolve("postgresql.conf"))) {
            return;
        }
        Path passwordFile = pgData.resolveSibling(PASSWORDS_FILE + ".initdb");
        writeOwnerOnly(passwordFile, passwords.superuser() + "\n");
        try {
            var command = new ArrayList<String>();
            if (LinuxUtils.isUnshareAvailable()) {
                // as zonky runs PostgreSQL's programs for root: they refuse root, and run unprivileged in a namespace
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(
                    binaries().toPath().resolve("bin/initdb").toString(),
                    "--auth=scram-sha-256",
                    "--username=" + SUPERUSER,
                    "--pwfile=" + passwordFile,
                    "--encoding=UTF-8",
                    "-D",
                    pgData.toString()));
            var initdb = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(initdb.getInputStream().readAllBytes());
            if (!initdb.waitFor(5, TimeUnit.MINUTES) || initdb.exitValue() != 0) {
                throw new IOException("initdb failed in " + pgData + ": " + output);
            }
            log.info("Created the embedded database cluster in {} with password authentication", pgData);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while creating the database cluster in " + pgData, e);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /**
     * Where zonky unpacked PostgreSQL's programs. zonky keeps this to itself (it runs initdb only with {@code trust});
     * the version is pinned in the build, and every whole-application test starts through here.
     */
    private static File binaries() throws IOException {
        try {
            var prepare =
                    EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (ReflectiveOperationException e) {
            throw new IOException("Cannot find the embedded PostgreSQL's programs in this zonky version", e);
        }
    }

    /**
     * Makes sure, at every start, that: the superuser has its password; the application role exists, has its
     * password and no rights beyond its own; it owns the database and everything in the platform's schemas; and the
     * server asks every connection for a password.
     *
     * @param server the running server; connects as the superuser
     */
    static void secure(EmbeddedPostgres server, Path pgData, Passwords passwords, String database)
            throws SQLException, IOException {
        try (Connection admin = server.getPostgresDatabase().getConnection();
                var statement = admin.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role " + SUPERUSER + " password '" + passwords.superuser() + "'");
            var role = admin.prepareStatement("select 1 from pg_roles where rolname = ?");
            role.setString(1, APPLICATION_ROLE);
            boolean exists = role.executeQuery().next();
            statement.execute((exists ? "alter" : "create") + " role " + APPLICATION_ROLE
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
                    + passwords.application() + "'");
            var found = admin.prepareStatement("select 1 from pg_database where datname = ?");
            found.setString(1, database);
            if (found.executeQuery().next()) {
                statement.execute("alter database " + database + " owner to " + APPLICATION_ROLE);
            } else {
                statement.execute("create database " + database + " owner " + APPLICATION_ROLE);
            }
        }
        try (Connection admin = server.getDatabase(SUPERUSER, database).getConnection();
                var statement = admin.createStatement()) {
            statement.execute(HAND_OVER.replace("$role", APPLICATION_ROLE));
        }
        if (requirePasswords(pgData)) {
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    var statement = admin.createStatement()) {
                statement.execute("select pg_reload_conf()");
            }
            log.info("The embedded PostgreSQL now asks every connection for a password (scram-sha-256)");
        }
    }

    /**
     * Hands the platform's schemas and what is in them, created by the superuser before the application role
     * existed, to the application role. Tables first: their sequences (serial, identity) follow them.
     */
    private static final String HAND_OVER = """
            do $$
            declare
                item record;
            begin
                for item in select n.nspname from pg_namespace n
                             where n.nspowner = 'postgres'::regrole
                               and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                loop
                    execute format('alter schema %I owner to $role', item.nspname);
                end loop;
                for item in select c.oid, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                             where c.relowner = 'postgres'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'f')
                               and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                loop
                    execute format('alter %s %s owner to $role',
                        case item.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                          when 'f' then 'foreign table' else 'table' end,
                        item.oid::regclass);
                end loop;
                for item in select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
                             where c.relowner = 'postgres'::regrole and c.relkind = 'S'
                               and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                loop
                    execute format('alter sequence %s owner to $role', item.oid::regclass);
                end loop;
                for item in select p.oid from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                             where p.proowner = 'postgres'::regrole
                               and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                loop
                    execute format('alter routine %s owner to $role', item.oid::regprocedure);
                end loop;
                for item in select t.oid, t.typtype from pg_type t join pg_namespace n on n.oid = t.typnamespace
                             where t.typowner = 'postgres'::regrole and t.typtype in ('e', 'd', 'r')
                               and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                loop
                    execute format('alter %s %s owner to $role',
                        case item.typtype when 'd' then 'domain' else 'type' end, item.oid::regtype);
                end loop;
            end
            $$""";

    /**
     * Replaces {@code trust} in the server's {@code pg_hba.conf} with {@code scram-sha-256}.
     *
     * @return whether the file changed (and the server must reload it)
     */
    static boolean requirePasswords(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        var lines = Files.readAllLines(hba);
        var changed = lines.stream()
                .map(line -> line.strip().startsWith("#") ? line : line.replaceAll("\\btrust\\s*$", "scram-sha-256"))
                .toList();
        if (changed.equals(lines)) {
            return false;
        }
        writeOwnerOnly(hba, changed.stream().collect(Collectors.joining("\n", "", "\n")));
        return true;
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String generated() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The platform's connections: the application role, with its password. */
    static DataSource applicationDataSource(EmbeddedPostgres server, String database, Passwords passwords) {
        var source = new org.postgresql.ds.PGSimpleDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {server.getPort()});
        source.setDatabaseName(database);
        source.setUser(APPLICATION_ROLE);
        source.setPassword(passwords.application());
        return source;
    }
}
