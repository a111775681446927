package org.opennrm;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions kept in PostgreSQL (Spring Session JDBC, table {@code access.spring_session}), so that any node
 * serves any request and several nodes need no sticky sessions.
 *
 * <p>While the database cannot be reached, a request that reads its session fails like any other read, with the
 * clear 503 of {@link DatabaseUnavailableFilter}. Saving the session at the end of a request (its last access, a
 * new CSRF token) is left out instead of failing: the answer, already a 503 page or problem, is sent as it is, not
 * replaced by an error about the session. A sign-out during an outage then leaves the session's row until it
 * expires (the cookie is deleted all the same).
 *
 * <p>What a page costs the database because of its session (measured with {@code bench/identification}): no read
 * where the node has kept a copy of a signed-in session ({@link KeptSessions}), else one read,
 * in no transaction of its own (it is a single statement; a transaction only added its begin and commit), and no
 * statement at all for its save on most requests ({@link SessionWrites}, in front of the JDBC repository, sends a
 * save only when something in the session changed, and gives a request the session it saved instead of reading it
 * again). Spring Session writes the session's last access on every request it serves; with durable
 * commits that made every page, even a list that only reads, wait for the disk. The session's row is now written
 * when something else in it changes (sign-in, a new session id, the time-out) or when its stored last access is at
 * least {@link #TOUCH_EVERY} old, so an active person's session is written about once a minute. The price: the idle
 * time-out counts from a last access up to a minute old, so an idle session may close up to a minute early, never
 * late.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcHttpSessionConfiguration.class)
class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    /** How old a session's stored last access must be before a request writes it again. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /**
     * Spring Session's update of the session row, written only when it changes something that matters: the values
     * are compared with the stored row in the statement itself, so that a request that changes nothing but its
     * last access writes nothing (no row version, no WAL, no wait for the disk at commit). The parameters are
     * Spring Session's, in its order: session id, last access, time-out, expiry, principal name, primary id.
     */
    static final String UPDATE_WHEN_CHANGED = """
            UPDATE %TABLE_NAME% AS s
               SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                   MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                   PRINCIPAL_NAME = v.principal_name
              FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                           CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                           CAST(? AS VARCHAR(100)) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) AS v
             WHERE s.PRIMARY_ID = v.primary_id
               AND (s.SESSION_ID <> v.session_id
                    OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                    OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                    OR v.last_access_time - s.LAST_ACCESS_TIME >= %TOUCH_MILLIS%)
            """.replace("%TOUCH_MILLIS%", Long.toString(TOUCH_EVERY.toMillis()));

    @Bean
    static BeanPostProcessor sessionSavesDuringOutage(ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(new SavesDuringOutage(transactions.getObject()));
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // after every customizer (Spring Boot's sets the table name, which resets the statements)
                if (bean instanceof JdbcIndexedSessionRepository repository) {
                    repository.setUpdateSessionQuery(UPDATE_WHEN_CHANGED);
                    repository.setConversionService(
                            attributeConversions(bean.getClass().getClassLoader()));
                }
                return bean;
            }
        };
    }

    /**
     * Puts {@link SessionWrites} in front of Spring Session's JDBC repository, for the session filter. Registered once
     * the configuration is read: Spring Boot sets up the JDBC repository only where no other session repository is
     * defined, and it is the JDBC repository this one sends its writes to. Being the primary one, it is the one the
     * session filter is given; the JDBC repository keeps its own duties (its clean-up of expired sessions).
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor sessionWritesInFrontOfJdbc() {
        return registry -> {
            if (registry.containsBeanDefinition(JDBC_REPOSITORY)) {
                var writes = BeanDefinitionBuilder.genericBeanDefinition(SessionWrites.class)
                        .addConstructorArgReference(JDBC_REPOSITORY)
                        .addConstructorArgValue(TOUCH_EVERY)
                        .addConstructorArgReference("keptSessions")
                        .getBeanDefinition();
                writes.setPrimary(true);
                registry.registerBeanDefinition("sessionWrites", writes);
            }
        };
    }

    /** The name of Spring Session's JDBC repository ({@code JdbcHttpSessionConfiguration.sessionRepository}). */
    static final String JDBC_REPOSITORY = "sessionRepository";

    /** Java serialization, as Spring Session's default, with what was read kept by {@link KeptAttributes}. */
    static GenericConversionService attributeConversions(ClassLoader classLoader) {
        var conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(
                byte[].class, Object.class, new KeptAttributes(new DeserializingConverter(classLoader)));
        return conversions;
    }

    /**
     * A session's attributes are stored serialized, and every request read who is signed in back from those bytes:
     * a fifth of the NRM queue page's CPU time in a profile was Java deserialization. The same bytes always give the
     * same value, so what was read is kept, by the bytes themselves, for the kinds of value that no request changes:
     * who is signed in (each request gets its own copy of the security context, which sign-out empties; the
     * authentication inside is not changed after sign-in) and the CSRF token. Anything else is read from its bytes
     * every time; plain text is not kept, since a session's text may be a secret in the making (an authenticator
     * key being enrolled) that has no business staying in memory after its request. A session that ends leaves its entry unused; the map is emptied when it holds
     * {@link #KEPT_AT_MOST} values.
     */
    static final class KeptAttributes implements Converter<byte[], Object> {

        static final int KEPT_AT_MOST = 10_000;

        private final Converter<byte[], Object> deserializer;
        private final Map<Bytes, Object> kept = new ConcurrentHashMap<>();

        KeptAttributes(Converter<byte[], Object> deserializer) {
            this.deserializer = deserializer;
        }

        @Override
        public Object convert(byte[] source) {
            var key = new Bytes(source);
            Object value = kept.get(key);
            if (value == null) {
                value = deserializer.convert(source);
                if (!keepable(value)) {
                    return value;
                }
                if (kept.size() >= KEPT_AT_MOST) {
                    kept.clear();
                }
                kept.put(key, value);
            }
            return value instanceof SecurityContext context
                    ? new SecurityContextImpl(context.getAuthentication())
                    : value;
        }

        private static boolean keepable(Object value) {
            return value instanceof SecurityContextImpl || value instanceof DefaultCsrfToken;
        }

        /** Bytes compared by content; the array is Spring Session's copy of the column, never changed after. */
        private record Bytes(byte[] content, int hash) {

            Bytes(byte[] content) {
                this(content, Arrays.hashCode(content));
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Bytes bytes && hash == bytes.hash && Arrays.equals(content, bytes.content);
            }

            @Override
            public int hashCode() {
                return hash;
            }

            @Override
            public String toString() {
                return "Bytes[" + content.length + "]";
            }
        }
    }

    /**
     * Reads (a single statement each) without a transaction of their own; writes in one, and a write that fails
     * because the database is unavailable is logged and left out.
     */
    static final class SavesDuringOutage implements TransactionOperations {

        private final TransactionTemplate template;

        SavesDuringOutage(PlatformTransactionManager transactions) {
            this.template = new TransactionTemplate(transactions);
            // as Spring Session's own: a session is saved when the response is sent, which may be inside the
            // request's transaction (a read-only one, a download); the session's write is never part of it
            this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        /**
         * Spring Session asks for a result only of its single statements: reading a session (by id or by who is
         * signed in) and deleting the expired ones. Each is atomic on its own, so it runs as it is, joining the
         * caller's transaction where there is one.
         */
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return action.doInTransaction(new SimpleTransactionStatus(false));
        }

        @Override
        public void executeWithoutResult(Consumer<TransactionStatus> action) {
            try {
                template.executeWithoutResult(action);
            } catch (RuntimeException e) {
                if (!DatabaseUnavailableFilter.databaseUnavailable(e)) {
                    throw e;
                }
                log.warn(
                        "Session not saved, the database is unavailable: {}",
                        e.getClass().getSimpleName());
            }
        }
    }
}
