package org.opennrm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Tells every node of the platform (instances on one database, behind a load balancer) of the changes that end on
 * any of them, so that what a node keeps in memory (kept pages, the organisation registry, display names, the
 * accounts of signed-in sessions: everything counted by a {@link ChangeCount}) is out of date on all of them at once.
 *
 * <p>How: a write sends {@code pg_notify} on the channel {@value #CHANNEL} inside its own transaction, naming the
 * kind of record and the sending node. PostgreSQL delivers a notice only when its transaction commits, and to every
 * connection that listens, in commit order; each node listens on one connection of its own and moves the count of
 * that kind when a notice from another node arrives. A notice carries no identity: most name only the kind of
 * record; a session's names a hash of its id ({@link KeptSessions}), never the id, which is a secret.
 *
 * <p>Why notices rather than a version row read with a short time to live: a version row costs a query on every
 * page or a delay of up to the time to live (a disabled account would keep its session that long on the other
 * nodes), while a notice costs one statement per write and arrives within milliseconds. When the listening
 * connection is lost (the database restarted), the node moves every count once it listens again, since notices
 * sent in between are gone; until then the time to live of each kept thing still bounds how stale it can be.
 */
@Component
class ChangeNotices implements SmartLifecycle {

    static final String CHANNEL = "opennrm_changes";

    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, ChangeCount> counts;
    private final long pollMillis;
    /** Tells this node's own notices apart: they are counted here when the transaction ends. */
    private final String node = UUID.randomUUID().toString();

    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    ChangeNotices(
            DataSource dataSource,
            JdbcClient jdbc,
            List<ChangeCount> counts,
            @Value("${opennrm.changes.poll-interval:PT0.5S}") java.time.Duration poll) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.counts = counts.stream().collect(Collectors.toMap(ChangeNotices::topic, Function.identity()));
        this.pollMillis = Math.max(1, poll.toMillis());
        counts.forEach(count -> count.sendNoticesTo(this::send, this::listening));
    }

    /** The name of the records a count is of, the same on every node. */
    static String topic(ChangeCount count) {
        return ClassUtils.getUserClass(count).getSimpleName();
    }

    /** Sends a notice within the current transaction (at once outside one). */
    private void send(String topic) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param("payload", node + " " + topic)
                .query(row -> {});
    }

    /** Whether this node listens now (for tests and health). */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("opennrm-change-notices").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                // notices sent while nobody listened are lost: whatever was kept may be out of date
                counts.values().forEach(ChangeCount::changedElsewhere);
                listening = true;
                var postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    var notices = postgres.getNotifications((int) pollMillis);
                    if (notices == null) {
                        continue;
                    }
                    for (var notice : notices) {
                        received(notice.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                listening = false;
                if (running) {
                    log.warn("Lost the connection that listens for changes on other nodes; listening again");
                    pause();
                }
            }
        }
        listening = false;
    }

    /** A notice: the sending node, the topic, and for a change to one record, what names it. */
    void received(String payload) {
        var parts = payload.split(" ", 3);
        if (parts.length < 2 || parts[0].equals(node)) {
            return;
        }
        var count = counts.get(parts[1]);
        if (count == null) {
            return;
        }
        if (parts.length == 3) {
            count.changedElsewhere(parts[2]);
        } else {
            count.changedElsewhere();
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
