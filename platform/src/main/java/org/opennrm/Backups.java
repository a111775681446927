package org.opennrm;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backup and restore of the embedded installation's database, as operator commands of the packaged platform:
 *
 * <pre>
 * ./opennrm backup /backups/2026-12-06          (or java -jar opennrm-platform.jar backup DIR)
 * ./opennrm restore /backups/2026-12-06         (into a new, empty data folder)
 * </pre>
 *
 * Both take {@code --data-dir=DIR} (default: {@code OPENNRM_DATA_DIR}, else {@code ./data}).
 *
 * <p>A backup is a physical copy of the database cluster taken the way {@code pg_basebackup} takes it, done here
 * because zonky ships the server without PostgreSQL's client programs: {@code pg_backup_start}, a copy of the data
 * folder while the platform goes on working, {@code pg_backup_stop}, then the write-ahead log written meanwhile
 * (held back by a temporary replication slot, so that no checkpoint recycles it during the copy) and the backup
 * label. Starting a server on the restored folder replays that log up to the end of the backup: the restored
 * database is the database as it was at that moment, every committed transaction in it, the audit chain with it.
 * A platform that is not running has its server started for the copy and stopped after.
 *
 * <p>The backup holds the database passwords file (the restored cluster has the same roles), never the keys: the
 * identity keyset, the audit key and the linkage secret are backed up apart (docs/operations-database.md), since a
 * database backup that also held its keys would give away every identity it holds. Restored without the identity
 * keyset, the database keeps its cases but no identity can be read.
 */
public final class Backups {

    static final String POSTGRES = "postgres";
    static final String WAL = "wal";
    static final String LABEL = "backup_label";
    static final String INFO = "BACKUP-INFO.txt";

    /** What pg_basebackup leaves out of the data folder: rebuilt or unused at start. */
    private static final Set<String> LEFT_OUT_CONTENTS = Set.of(
            "pg_wal",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans",
            "pg_replslot");

    private static final Set<String> LEFT_OUT_FILES =
            Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "backup_label.old");

    private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");
    private static final Pattern START_SEGMENT = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");

    private Backups() {}

    /** Whether the arguments ask for an operator command of this class rather than the platform. */
    static boolean isCommand(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs {@code backup DIR} or {@code restore DIR}; 0 when done, 1 when refused or failed, 2 for bad usage. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String dataDir = System.getenv().getOrDefault("OPENNRM_DATA_DIR", "./data");
        String folder = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--data-dir=")) {
                dataDir = args[i].substring("--data-dir=".length());
            } else if (folder == null && !args[i].startsWith("--")) {
                folder = args[i];
            } else {
                err.println("Unknown argument: " + args[i]);
                return 2;
            }
        }
        if (folder == null) {
            err.println("Usage: " + args[0] + " DIR [--data-dir=DIR]");
            return 2;
        }
        try {
            if (args[0].equals("backup")) {
                var done = backup(Path.of(dataDir), Path.of(folder));
                out.println("Backed up the database of " + dataDir + " to " + folder + " (" + done + ").");
                out.println(
                        "The keys are not in it: back up identity-keyset.json, audit-key, linkage-secret and exchange-secret"
                                + " apart.");
            } else {
                restore(Path.of(folder), Path.of(dataDir));
                out.println("Restored " + folder + " into " + dataDir + ". Put the keys backed up apart"
                        + " (identity-keyset.json, audit-key, linkage-secret, exchange-secret) into " + dataDir
                        + " before starting the platform.");
            }
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Backs up the database of the embedded installation in {@code dataDir} to {@code target} (new or empty),
     * while the platform runs or not.
     *
     * @return the log position the backup ends at
     */
    public static String backup(Path dataDir, Path target) throws IOException, SQLException {
        Path pgData = dataDir.toAbsolutePath().resolve(POSTGRES);
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            throw new NoSuchFileException(pgData + " holds no database");
        }
        requireEmpty(target);
        var passwords = EmbeddedAccounts.passwords(dataDir.toAbsolutePath());
        EmbeddedServer started = null;
        int port;
        if (EmbeddedServer.serverOf(pgData).isPresent()) {
            // the platform's server (or an orphan of this folder): its port is the fourth line of its lock file
            port = Integer.parseInt(
                    Files.readAllLines(pgData.resolve("postmaster.pid")).get(3).trim());
        } else {
            started = EmbeddedDatabase.startServer(pgData, 0, passwords);
            port = started.port();
        }
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres",
                EmbeddedAccounts.SUPERUSER,
                passwords.superuser())) {
            return copy(admin, pgData, target.toAbsolutePath(), dataDir.toAbsolutePath());
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    private static String copy(Connection admin, Path pgData, Path target, Path dataDir)
            throws IOException, SQLException {
        String stopLsn;
        String label;
        String tablespaceMap;
        try (var statement = admin.createStatement()) {
            // a temporary slot holds back the log from here until this connection ends
            statement.execute("select pg_create_physical_replication_slot('opennrm_backup_' || pg_backend_pid(),"
                    + " true, true)");
            statement.execute("select pg_backup_start('opennrm backup', true)");
            copyTree(pgData, target.resolve(POSTGRES));
            try (var stop = statement.executeQuery("select lsn, labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                stopLsn = stop.getString(1);
                label = stop.getString(2);
                tablespaceMap = stop.getString(3);
            }
            // ends the segment that holds the end of the backup, so that it is complete on disk
            statement.execute("select pg_switch_wal()");
            var matcher = START_SEGMENT.matcher(label);
            if (!matcher.find()) {
                throw new IllegalStateException("The backup label names no start segment");
            }
            copyLog(pgData.resolve("pg_wal"), target.resolve(WAL), matcher.group(1));
        }
        Files.writeString(target.resolve(POSTGRES).resolve(LABEL), label);
        if (tablespaceMap != null && !tablespaceMap.isBlank()) {
            Files.writeString(target.resolve(POSTGRES).resolve("tablespace_map"), tablespaceMap);
        }
        Path passwords = target.resolve(EmbeddedAccounts.PASSWORDS_FILE);
        Files.copy(dataDir.resolve(EmbeddedAccounts.PASSWORDS_FILE), passwords);
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(target.resolve(INFO), """
                OpenNRM database backup
                taken: %s
                ends at log position: %s
                restore: ./opennrm restore THIS_FOLDER --data-dir=NEW_DATA_FOLDER
                The keys (identity-keyset.json, audit-key, linkage-secret, exchange-secret) are not in this backup.
                """.formatted(Instant.now(), stopLsn));
        return stopLsn;
    }

    /**
     * Restores a backup into {@code dataDir}, which must hold no database yet. The server replays the backup's log
     * when the platform starts it.
     */
    public static void restore(Path backup, Path dataDir) throws IOException {
        Path source = backup.toAbsolutePath().resolve(POSTGRES);
        if (!Files.exists(source.resolve(LABEL))) {
            throw new NoSuchFileException(backup + " is not a backup (no " + POSTGRES + "/" + LABEL + ")");
        }
        Path pgData = dataDir.toAbsolutePath().resolve(POSTGRES);
        requireEmpty(pgData);
        Files.createDirectories(dataDir);
        copyTree(source, pgData);
        for (String folder : LEFT_OUT_CONTENTS) {
            Files.createDirectories(pgData.resolve(folder));
        }
        Files.createDirectories(pgData.resolve("pg_wal").resolve("archive_status"));
        try (Stream<Path> segments = Files.list(backup.toAbsolutePath().resolve(WAL))) {
            for (Path segment : segments.toList()) {
                Files.copy(segment, pgData.resolve("pg_wal").resolve(segment.getFileName()));
            }
        }
        Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
        Path passwords = dataDir.resolve(EmbeddedAccounts.PASSWORDS_FILE);
        Files.copy(backup.resolve(EmbeddedAccounts.PASSWORDS_FILE), passwords, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
    }

    private static void requireEmpty(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> inside = Files.list(folder)) {
                if (inside.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(folder + " is not empty");
                }
            }
        } else if (Files.exists(folder)) {
            throw new FileAlreadyExistsException(folder + " is a file");
        }
    }

    /** Copies the data folder, leaving out what the server rebuilds; files may vanish while it runs. */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(from)) {
            entries = walk.toList();
        } catch (UncheckedIOException vanished) {
            throw vanished.getCause();
        }
        for (Path entry : entries) {
            Path relative = from.relativize(entry);
            if (relative.toString().isEmpty() || leftOut(relative)) {
                continue;
            }
            Path copy = to.resolve(relative.toString());
            try {
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectories(copy.getParent());
                    Files.copy(entry, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            } catch (NoSuchFileException vanished) {
                // a temporary file the server removed during the copy: the log replay does not need it
            }
        }
    }

    private static boolean leftOut(Path relative) {
        String first = relative.getName(0).toString();
        if (relative.getNameCount() == 1 && LEFT_OUT_FILES.contains(first)) {
            return true;
        }
        // the folders stay (created empty at restore), their contents do not
        return LEFT_OUT_CONTENTS.contains(first)
                || relative.getFileName().toString().startsWith("pgsql_tmp");
    }

    private static void copyLog(Path pgWal, Path target, String startSegment) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(pgWal)) {
            for (Path segment : files.toList()) {
                String name = segment.getFileName().toString();
                // segments from the backup's start on; a timeline history file is kept too
                if ((SEGMENT.matcher(name).matches() && name.substring(8).compareTo(startSegment.substring(8)) >= 0)
                        || name.endsWith(".history")) {
                    Files.copy(segment, target.resolve(name));
                }
            }
        }
    }
}
