package org.opennrm;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A real PostgreSQL started inside the platform when no external database is configured, so that a
 * co-ordinator's office can try the platform with one command, and its data survives a restart.
 *
 * <p>The server is the platform's own ({@link EmbeddedServer}): it stops with the platform, an orphan left by a
 * platform that was killed is stopped at the next start, and a server that dies is started again.
 *
 * <p>Production sets {@code SPRING_DATASOURCE_URL} (and user and password); then this configuration
 * stays out of the way and Spring Boot connects to that database instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoExternalDatabase.class)
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String DATABASE = "opennrm";

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(
            @Value("${opennrm.data-dir}") Path dataDir, @Value("${opennrm.database.port:0}") int port)
            throws IOException, SQLException {
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        Files.createDirectories(pgData);
        var passwords = EmbeddedAccounts.passwords(pgData.getParent());
        EmbeddedAccounts.initialiseIfNew(pgData, passwords);
        EmbeddedServer server = startServer(pgData, port, passwords);
        log.info("Embedded PostgreSQL running on port {} with data in {}", server.port(), pgData);
        EmbeddedAccounts.secure(server.postgres(), pgData, passwords, DATABASE);
        return server;
    }

    /** Starts this data folder's server (stopping an orphan of the same folder first). */
    static EmbeddedServer startServer(Path pgData, int port, EmbeddedAccounts.Passwords passwords) throws IOException {
        return EmbeddedServer.start(
                pgData,
                port,
                onPort -> durable(EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        // keep the data: the point of a data directory is that a restart finds it again
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "200")
                        // zonky checks that the server is up by connecting as the superuser
                        .setConnectConfig("password", passwords.superuser())
                        // crash recovery after a kill can take longer than zonky's 10 s on a busy machine; a start
                        // given up too early would leave a server nobody owns
                        .setPGStartupWait(Duration.ofMinutes(2))
                        .setPort(onPort)));
    }

    /** Starts the embedded server again when it died, without restarting the platform. */
    @Bean
    EmbeddedServerWatch embeddedServerWatch(EmbeddedServer server, HikariDataSource dataSource) {
        return new EmbeddedServerWatch(server, dataSource);
    }

    static class EmbeddedServerWatch {

        private final EmbeddedServer server;
        private final HikariDataSource dataSource;

        EmbeddedServerWatch(EmbeddedServer server, HikariDataSource dataSource) {
            this.server = server;
            this.dataSource = dataSource;
        }

        @Scheduled(fixedDelayString = "${opennrm.database.watch-interval:PT1S}")
        void restartIfStopped() {
            if (server.restartIfStopped()) {
                // connections to the dead server would each fail one request before the pool replaced them
                dataSource.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    /**
     * A write the platform acknowledges survives a crash of the database, of the platform or of the machine: zonky
     * starts PostgreSQL for throw-away test databases, with {@code -F} (fsync off) and {@code synchronous_commit}
     * off, under which a crash lost acknowledged referrals and handed their NRM references out again. The
     * {@code -c} settings come after {@code -F} on the server's command line, and the last one wins.
     */
    static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedServer server, @Value("${opennrm.database.pool-size:20}") int poolSize)
            throws IOException {
        // read from the server's own data folder (a test's data folder is a new random one at each look-up)
        var passwords = EmbeddedAccounts.passwords(server.dataFolder().getParent());
        HikariConfig config = new HikariConfig();
        // the application role, never the superuser (EmbeddedAccounts)
        config.setDataSource(EmbeddedAccounts.applicationDataSource(server.postgres(), DATABASE, passwords));
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("opennrm");
        // fail fast on a lost database instead of holding a request for the default 30 s
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    /** Matches when the operator has not pointed the platform at an external PostgreSQL. */
    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
