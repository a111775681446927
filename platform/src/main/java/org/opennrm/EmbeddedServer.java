package org.opennrm;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's own PostgreSQL server on one data folder: it never outlives the platform, and the platform
 * restarts it when it dies.
 *
 * <ul>
 *   <li>A normal end of the platform stops it (Spring closes this bean; zonky also stops each server it started
 *       from a JVM shutdown hook).
 *   <li>A platform killed outright ({@code kill -9}) cannot stop it: the server keeps running, holding the data
 *       folder. The next start finds it through the folder's {@code postmaster.pid} and stops it (a fast
 *       shutdown: open transactions roll back, committed ones are kept) before it starts its own. Only a
 *       {@code postgres} process whose working folder is this data folder is stopped, never another folder's
 *       server and never a process that merely reuses a stale process id.
 *   <li>A server that dies under the running platform is started again on the same folder and port by {@link
 *       #restartIfStopped()}, called every second; requests in between get a 503 problem.
 * </ul>
 */
final class EmbeddedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final Path pgData;
    private final Function<Integer, EmbeddedPostgres.Builder> builder;
    private final int port;
    private volatile EmbeddedPostgres running;
    private volatile boolean closed;
    private boolean startFailed;

    private EmbeddedServer(Path pgData, Function<Integer, EmbeddedPostgres.Builder> builder, EmbeddedPostgres first) {
        this.pgData = pgData;
        this.builder = builder;
        this.running = first;
        this.port = first.getPort();
    }

    /**
     * Starts a server on {@code pgData}, after stopping an orphan left on that folder by a platform that was killed.
     *
     * @param builder a builder for the server on the given port (0: any free port)
     */
    static EmbeddedServer start(Path pgData, int port, Function<Integer, EmbeddedPostgres.Builder> builder)
            throws IOException {
        stopOrphan(pgData);
        awaitNoProcessesOf(pgData);
        removeStaleLockFile(pgData);
        return new EmbeddedServer(pgData, builder, builder.apply(port).start());
    }

    int port() {
        return port;
    }

    EmbeddedPostgres postgres() {
        return running;
    }

    Path dataFolder() {
        return pgData;
    }

    /** Whether this folder's server process is alive (it may still be starting or stopping). */
    boolean isAlive() {
        return serverOf(pgData).isPresent();
    }

    /**
     * Starts the server again if it died (killed, crashed, stopped by someone): the same folder and port, so that
     * the connection pool finds it again. While the dead server's last processes are still ending (they hold its
     * shared memory, and a new server would refuse to start), this waits for the next call.
     *
     * @return whether a new server was started
     */
    synchronized boolean restartIfStopped() {
        if (closed || shutdownInProgress() || isAlive()) {
            return false;
        }
        if (running != null) {
            log.warn("The embedded PostgreSQL on {} is not running: starting it again", pgData);
            try {
                // releases zonky's lock of the folder; stopping the dead server fails, and zonky logs that
                running.close();
            } catch (IOException e) {
                log.warn("Closing the dead embedded PostgreSQL failed: {}", e.getMessage());
            }
            running = null;
        }
        if (!processesOf(pgData).isEmpty()) {
            log.info("Processes of the dead PostgreSQL on {} are still ending", pgData);
            return false;
        }
        try {
            removeStaleLockFile(pgData);
            if (startFailed) {
                // a failed start leaves zonky's lock of the folder held by an instance nobody can close; a fresh lock
                // file lets the next start take its own lock (the folder is still ours: no server runs on it)
                Files.deleteIfExists(pgData.resolve("epg-lock"));
            }
            running = builder.apply(port).start();
            startFailed = false;
            log.warn("The embedded PostgreSQL on {} runs again on port {}", pgData, port);
            return true;
        } catch (IOException | RuntimeException e) {
            startFailed = true;
            log.warn("The embedded PostgreSQL on {} did not start yet ({}); trying again", pgData, e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (running != null) {
            running.close();
        }
    }

    /**
     * The running {@code postgres} server of exactly this folder: the process named in its {@code postmaster.pid},
     * alive, a {@code postgres} program, and working in this folder (a server changes into its data folder). A
     * process id from a stale file that now belongs to something else, or a server of another folder, is not it.
     */
    static Optional<ProcessHandle> serverOf(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException noFile) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(EmbeddedServer::isPostgres)
                .filter(process -> worksIn(process.pid(), pgData));
    }

    /** Every {@code postgres} process working in this folder: the server and its backends and helpers. */
    static List<ProcessHandle> processesOf(Path pgData) {
        return ProcessHandle.allProcesses()
                .filter(EmbeddedServer::isPostgres)
                .filter(process -> worksIn(process.pid(), pgData))
                .toList();
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.isAlive()
                && process.info()
                        .command()
                        .map(command ->
                                Path.of(command).getFileName().toString().equals("postgres"))
                        .orElse(false);
    }

    private static boolean worksIn(long pid, Path folder) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"))
                    .equals(folder.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Stops a server of this folder that nobody owns: left by a platform that was killed, or found running. */
    private static void stopOrphan(Path pgData) throws IOException {
        var orphan = serverOf(pgData);
        if (orphan.isEmpty()) {
            return;
        }
        var server = orphan.get();
        log.warn(
                "An embedded PostgreSQL (process {}) still runs on {}, left by a platform that ended without stopping"
                        + " it: stopping it",
                server.pid(),
                pgData);
        // SIGINT is PostgreSQL's fast shutdown: ends the sessions, rolls back what is open, writes a checkpoint
        signal("INT", server.pid());
        try {
            server.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notYet) {
            // SIGQUIT: immediate shutdown; the next start recovers from the write-ahead log as after a crash
            signal("QUIT", server.pid());
            try {
                server.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                throw new IOException("The orphan PostgreSQL " + server.pid() + " on " + pgData + " did not stop");
            }
        }
        log.warn("The orphan PostgreSQL (process {}) on {} stopped", server.pid(), pgData);
    }

    /**
     * A {@code postmaster.pid} left by a server that was killed names a process id that, after a reboot, may belong to
     * another program; PostgreSQL then refuses to start ("is another postmaster running?"). Called only when no
     * {@code postgres} process works in the folder, so the file is stale.
     */
    private static void removeStaleLockFile(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (Files.exists(pidFile) && serverOf(pgData).isEmpty()) {
            log.warn("Removing the stale {} of a server that no longer runs", pidFile);
            Files.deleteIfExists(pidFile);
        }
    }

    /** Backends of a server that was killed end by themselves, soon; a new server cannot start before. */
    private static void awaitNoProcessesOf(Path pgData) throws IOException {
        long deadline = System.nanoTime() + ORPHAN_STOP_WAIT.toNanos();
        while (!processesOf(pgData).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("PostgreSQL processes still work in " + pgData + ": " + processesOf(pgData));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for PostgreSQL on " + pgData, e);
            }
        }
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL " + pid, e);
        }
    }

    /** A server started while the JVM ends would outlive it: zonky can no longer register the hook that stops it. */
    private static boolean shutdownInProgress() {
        var probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException ending) {
            return true;
        }
    }
}
