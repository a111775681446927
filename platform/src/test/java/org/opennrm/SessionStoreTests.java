package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session row is written when something in it changes, and its last access at most once per
 * {@link SessionStore#TOUCH_EVERY}: a request that only reads writes nothing to the database (with durable commits,
 * every write waits for the disk). Tested on the platform's own session repository, as the session filter uses it.
 */
@PlatformTest
class SessionStoreTests {

    private final SessionRepository<Session> sessions;

    @Autowired
    JdbcClient jdbc;

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Autowired
    SessionStoreTests(JdbcIndexedSessionRepository repository) {
        // its session class is not public: the test uses it through Spring Session's interfaces, as the filter does
        this.sessions = (SessionRepository) repository;
    }

    /**
     * The session filter is given the repository of its type that is primary: {@link SessionWrites}, in front of the
     * JDBC one, which Spring Boot still sets up (it backs off where another session repository is defined first).
     */
    @Test
    void theSessionFilterSavesThroughSessionWritesToTheJdbcRepository(
            @Autowired org.springframework.context.ApplicationContext context) {
        assertThat(context.getBean(SessionRepository.class)).isInstanceOf(SessionWrites.class);
        assertThat(context.getBeansOfType(JdbcIndexedSessionRepository.class)).hasSize(1);
        // the filter that forgets a request's saved session when the request ends is installed
        assertThat(context.getBeansOfType(SessionWrites.RequestEnd.class)).hasSize(1);
    }

    @Test
    void aRequestWithinAMinuteOfTheStoredLastAccessWritesNothing() {
        var session = sessions.createSession();
        Instant start = Instant.now();
        session.setLastAccessedTime(start);
        sessions.save(session);
        String id = session.getId();
        assertThat(storedLastAccess(id)).isEqualTo(start.toEpochMilli());

        // the next requests, as the session filter makes them: read, touch, save
        var again = sessions.findById(id);
        again.setLastAccessedTime(start.plusSeconds(20));
        sessions.save(again);
        var third = sessions.findById(id);
        third.setLastAccessedTime(start.plus(SessionStore.TOUCH_EVERY).minusMillis(1));
        sessions.save(third);
        assertThat(storedLastAccess(id))
                .as("touches within a minute of the stored last access are not written")
                .isEqualTo(start.toEpochMilli());

        var later = sessions.findById(id);
        Instant minuteOn = start.plus(SessionStore.TOUCH_EVERY);
        later.setLastAccessedTime(minuteOn);
        sessions.save(later);
        assertThat(storedLastAccess(id)).isEqualTo(minuteOn.toEpochMilli());
        assertThat(storedExpiry(id))
                .isEqualTo(minuteOn.plus(later.getMaxInactiveInterval()).toEpochMilli());
        sessions.deleteById(id);
    }

    @Test
    void whatMattersIsWrittenAtOnce() {
        var session = sessions.createSession();
        Instant start = Instant.now();
        session.setLastAccessedTime(start);
        sessions.save(session);

        // a new session id at sign-in (against session fixation), seconds after the last write
        var signedIn = sessions.findById(session.getId());
        String oldId = signedIn.getId();
        String newId = signedIn.changeSessionId();
        signedIn.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "session-store-test");
        signedIn.setLastAccessedTime(start.plusSeconds(2));
        sessions.save(signedIn);
        assertThat(sessions.findById(oldId)).isNull();
        var found = sessions.findById(newId);
        assertThat(found).isNotNull();
        assertThat(jdbc.sql("select principal_name from access.spring_session where session_id = ?")
                        .param(newId)
                        .query(String.class)
                        .single())
                .isEqualTo("session-store-test");

        // a shorter time-out, seconds later: written, with its expiry
        found.setMaxInactiveInterval(Duration.ofMinutes(5));
        found.setLastAccessedTime(start.plusSeconds(4));
        sessions.save(found);
        assertThat(jdbc.sql("select max_inactive_interval from access.spring_session where session_id = ?")
                        .param(newId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(300);
        assertThat(storedExpiry(newId)).isEqualTo(start.plusSeconds(4 + 300).toEpochMilli());
        sessions.deleteById(newId);
    }

    @Test
    void anIdleSessionStillEndsAtItsTimeOut() {
        var session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(15));
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(16));
        session.setLastAccessedTime(longAgo);
        sessions.save(session);
        assertThat(sessions.findById(session.getId()))
                .as("a session idle for longer than its time-out is not found")
                .isNull();

        // idle for 14 minutes 30 seconds, last written 14 min 30 s ago: still open, at most a minute early
        var recent = sessions.createSession();
        recent.setMaxInactiveInterval(Duration.ofMinutes(15));
        recent.setLastAccessedTime(Instant.now().minus(Duration.ofSeconds(14 * 60 + 30)));
        sessions.save(recent);
        assertThat(sessions.findById(recent.getId())).isNotNull();
        sessions.deleteById(recent.getId());
    }

    @Test
    void whoIsSignedInIsReadFromItsBytesOnce() {
        var session = sessions.createSession();
        session.setAttribute(
                "SPRING_SECURITY_CONTEXT",
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        "session-store-reader", null, List.of(new SimpleGrantedAuthority("CASE_READ")))));
        sessions.save(session);

        SecurityContext first = sessions.findById(session.getId()).getAttribute("SPRING_SECURITY_CONTEXT");
        SecurityContext second = sessions.findById(session.getId()).getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(second).isNotSameAs(first);
        assertThat(second.getAuthentication()).isSameAs(first.getAuthentication());
        assertThat(second.getAuthentication().getName()).isEqualTo("session-store-reader");
        sessions.deleteById(session.getId());
    }

    private long storedLastAccess(String sessionId) {
        return jdbc.sql("select last_access_time from access.spring_session where session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single();
    }

    private long storedExpiry(String sessionId) {
        return jdbc.sql("select expiry_time from access.spring_session where session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single();
    }
}
