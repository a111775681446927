package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/**
 * What {@link SessionWrites} sends to the repository behind it: a session read and touched within
 * {@link SessionStore#TOUCH_EVERY} of its stored last access is not saved through; anything else a request changes
 * is; and a request that asks again for the session it saved gets it without a read.
 */
class SessionWritesTests {

    final Counting behind = new Counting();
    /** Copies are made only while the node hears the others' notices, which nothing here does. */
    final KeptSessions kept = KeptSessionsTests.keptSessions(Duration.ofSeconds(5));

    final SessionWrites sessions = new SessionWrites(behind, SessionStore.TOUCH_EVERY, kept);

    @AfterEach
    void requestEnds() {
        SessionWrites.requestEnded();
    }

    @Test
    void aRequestThatOnlyTouchesItsSessionWithinAMinuteSendsNoSave() {
        Instant start = Instant.now();
        String id = newSession(start);

        var again = sessions.findById(id);
        again.setLastAccessedTime(start.plusSeconds(20));
        sessions.save(again);
        SessionWrites.requestEnded();
        var later = sessions.findById(id);
        later.setLastAccessedTime(start.plus(SessionStore.TOUCH_EVERY).minusMillis(1));
        sessions.save(later);
        assertThat(behind.saves).as("only the new session was saved").isEqualTo(1);
        assertThat(behind.stored(id).getLastAccessedTime()).isEqualTo(start);

        SessionWrites.requestEnded();
        var minuteOn = sessions.findById(id);
        minuteOn.setLastAccessedTime(start.plus(SessionStore.TOUCH_EVERY));
        sessions.save(minuteOn);
        assertThat(behind.saves)
                .as("a minute after the stored last access, it is written")
                .isEqualTo(2);
        assertThat(behind.stored(id).getLastAccessedTime()).isEqualTo(start.plus(SessionStore.TOUCH_EVERY));
    }

    @Test
    void whatARequestChangesIsSavedAtOnce() {
        Instant start = Instant.now();
        String id = newSession(start);

        var attribute = sessions.findById(id);
        attribute.setLastAccessedTime(start.plusSeconds(1));
        attribute.setAttribute("csrf", "token");
        sessions.save(attribute);
        assertThat(behind.saves).isEqualTo(2);
        assertThat((String) behind.stored(id).getAttribute("csrf")).isEqualTo("token");

        SessionWrites.requestEnded();
        var removed = sessions.findById(id);
        removed.removeAttribute("csrf");
        sessions.save(removed);
        assertThat(behind.saves).isEqualTo(3);
        assertThat((Object) behind.stored(id).getAttribute("csrf")).isNull();

        SessionWrites.requestEnded();
        var timeOut = sessions.findById(id);
        timeOut.setMaxInactiveInterval(timeOut.getMaxInactiveInterval());
        sessions.save(timeOut);
        assertThat(behind.saves).as("the same time-out is no change").isEqualTo(3);
        timeOut.setMaxInactiveInterval(Duration.ofMinutes(5));
        sessions.save(timeOut);
        assertThat(behind.saves).isEqualTo(4);
        assertThat(behind.stored(id).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));

        SessionWrites.requestEnded();
        var signedIn = sessions.findById(id);
        String newId = signedIn.changeSessionId();
        sessions.save(signedIn);
        assertThat(behind.saves).as("a new session id at sign-in").isEqualTo(5);
        assertThat(behind.stored(newId)).isNotNull();
    }

    @Test
    void aRequestGetsBackTheSessionItSavedAndNoOtherRequestDoes() {
        String id = newSession(Instant.now());
        int reads = behind.reads;

        var read = sessions.findById(id);
        sessions.save(read);
        assertThat(sessions.findById(id)).as("the same request, after its save").isSameAs(read);
        assertThat(behind.reads).isEqualTo(reads + 1);

        SessionWrites.requestEnded();
        assertThat(sessions.findById(id)).as("the next request reads it again").isNotSameAs(read);
        assertThat(behind.reads).isEqualTo(reads + 2);

        var deleted = sessions.findById(id);
        sessions.save(deleted);
        sessions.deleteById(id);
        assertThat(sessions.findById(id)).as("signed out").isNull();
    }

    /** The filter outside all others forgets, when its request ends, the session that request saved. */
    @Test
    void theSavedSessionIsForgottenWhenItsRequestEnds() throws Exception {
        String id = newSession(Instant.now());
        var saved = new java.util.concurrent.atomic.AtomicReference<SessionWrites.Tracked>();
        jakarta.servlet.Servlet page = new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(
                    jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response) {
                var session = sessions.findById(id);
                sessions.save(session);
                saved.set(session);
                assertThat(sessions.findById(id)).isSameAs(session);
            }
        };
        new SessionWrites.RequestEnd()
                .doFilter(
                        new org.springframework.mock.web.MockHttpServletRequest(),
                        new org.springframework.mock.web.MockHttpServletResponse(),
                        new org.springframework.mock.web.MockFilterChain(page));
        assertThat(saved.get()).isNotNull();
        int reads = behind.reads;
        assertThat(sessions.findById(id)).as("the next request on this thread").isNotSameAs(saved.get());
        assertThat(behind.reads).isEqualTo(reads + 1);
    }

    private String newSession(Instant lastAccess) {
        var session = sessions.createSession();
        session.setLastAccessedTime(lastAccess);
        sessions.save(session);
        SessionWrites.requestEnded();
        return session.getId();
    }

    /** Spring Session's map repository, counting what reaches it, its sessions copied as a database would. */
    static final class Counting implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, org.springframework.session.Session> stored = new java.util.HashMap<>();
        final MapSessionRepository map = new MapSessionRepository(stored);
        int saves;
        int reads;

        MapSession stored(String id) {
            return (MapSession) stored.get(id);
        }

        @Override
        public MapSession createSession() {
            return map.createSession();
        }

        @Override
        public void save(MapSession session) {
            saves++;
            map.save(session);
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            return map.findById(id);
        }

        @Override
        public void deleteById(String id) {
            map.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
