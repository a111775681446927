package org.opennrm;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
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
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcHttpSessionConfiguration.class)
class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

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
        };
    }

    /** Reads as usual; writes that fail because the database is unavailable are logged and left out. */
    static final class SavesDuringOutage implements TransactionOperations {

        private final TransactionTemplate template;

        SavesDuringOutage(PlatformTransactionManager transactions) {
            this.template = new TransactionTemplate(transactions);
            // as Spring Session's own: a session is saved when the response is sent, which may be inside the
            // request's transaction (a read-only one, a download); the session's write is never part of it
            this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return template.execute(action);
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
