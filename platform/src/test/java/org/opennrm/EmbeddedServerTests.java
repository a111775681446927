package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The platform's embedded server never outlives it: a server left running on the data folder by a platform that
 * was killed is stopped at the next start, and nothing else is touched (another folder's server, a process that
 * reuses a stale process id).
 */
class EmbeddedServerTests {

    static final Path ROOT = Path.of("target", "test-data", "embedded-server-" + System.nanoTime())
            .toAbsolutePath();

    private static Function<Integer, EmbeddedPostgres.Builder> builderFor(Path folder) {
        return port -> EmbeddedDatabase.durable(EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(false)
                .setPort(port));
    }

    @Test
    void anOrphanOfTheSameFolderIsStoppedAndAnotherFoldersServerIsLeftAlone() throws Exception {
        Path mine = initialised("mine");
        Path theirs = initialised("theirs");
        // servers that no process of this JVM owns, as after a kill -9 of the platform that started them
        long orphan = startOutsideThisJvm(mine);
        long other = startOutsideThisJvm(theirs);
        try {
            assertThat(EmbeddedServer.serverOf(mine).orElseThrow().pid()).isEqualTo(orphan);

            try (var server = EmbeddedServer.start(mine, 0, builderFor(mine))) {
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                        .isNotEqualTo(java.util.Optional.of(true));
                assertThat(server.isAlive()).isTrue();
                assertThat(EmbeddedServer.serverOf(mine).orElseThrow().pid()).isNotEqualTo(orphan);
                assertThat(ProcessHandle.of(other).orElseThrow().isAlive()).isTrue();
            }
            assertThat(EmbeddedServer.serverOf(mine)).isEmpty();
            assertThat(ProcessHandle.of(other).orElseThrow().isAlive()).isTrue();
        } finally {
            pgCtl(theirs, "stop", "-m", "fast");
        }
    }

    @Test
    void aStaleProcessIdThatNowBelongsToAnotherProgramIsLeftAlone() throws Exception {
        Path folder = initialised("stale");
        var stranger = new ProcessBuilder("sleep", "120").start();
        try {
            // the lock file of a server killed before a reboot, naming a process id now taken by another program
            Files.writeString(
                    folder.resolve("postmaster.pid"), stranger.pid() + "\n" + folder + "\n1764982800\n5432\n");
            assertThat(EmbeddedServer.serverOf(folder)).isEmpty();

            try (var server = EmbeddedServer.start(folder, 0, builderFor(folder))) {
                assertThat(server.isAlive()).isTrue();
                assertThat(stranger.isAlive()).isTrue();
            }
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void aServerThatDiedIsStartedAgainOnTheSameFolderAndPort() throws Exception {
        Path folder = ROOT.resolve("restart");
        Files.createDirectories(folder);
        try (var server = EmbeddedServer.start(folder, 0, builderFor(folder))) {
            assertThat(server.restartIfStopped()).isFalse();
            var killed = EmbeddedServer.serverOf(folder).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().get(30, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!server.restartIfStopped()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(EmbeddedServer.serverOf(folder).orElseThrow().pid()).isNotEqualTo(killed.pid());
            try (var connection = server.postgres().getPostgresDatabase().getConnection();
                    var show = connection.createStatement().executeQuery("show port")) {
                show.next();
                assertThat(show.getInt(1)).isEqualTo(server.port());
            }
        }
    }

    /** A data folder with a database cluster in it, its server stopped. */
    private static Path initialised(String name) throws IOException {
        Path folder = ROOT.resolve(name);
        Files.createDirectories(folder);
        EmbeddedServer.start(folder, 0, builderFor(folder)).close();
        return folder;
    }

    /** Starts a server on the folder with pg_ctl, as a process of its own that outlives whoever started it. */
    private static long startOutsideThisJvm(Path folder) throws Exception {
        pgCtl(
                folder,
                "start",
                "-w",
                "-o",
                "-p " + freePort(),
                "-l",
                folder.resolve("server.log").toString());
        return EmbeddedServer.serverOf(folder).orElseThrow().pid();
    }

    private static void pgCtl(Path folder, String... arguments) throws Exception {
        var command = new java.util.ArrayList<String>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            // as zonky does for root: pg_ctl refuses to run as root, and runs as nobody in a user namespace
            command.addAll(java.util.List.of("unshare", "-U"));
        }
        command.add(binaries().resolve("pg_ctl").toString());
        command.add("-D");
        command.add(folder.toString());
        command.addAll(java.util.List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // pg_ctl start leaves the server's output attached: read what pg_ctl itself says, not the server's
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("pg_ctl " + String.join(" ", arguments))
                .isZero();
    }

    /** Where zonky unpacked PostgreSQL: the program of a server it runs. */
    private static Path binaries() throws IOException {
        Path folder = ROOT.resolve("binaries");
        Files.createDirectories(folder);
        try (var server = EmbeddedServer.start(folder, 0, builderFor(folder))) {
            long pid = EmbeddedServer.serverOf(folder).orElseThrow().pid();
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"))
                    .getParent();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
