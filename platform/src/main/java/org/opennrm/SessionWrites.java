package org.opennrm;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session repository the session filter uses, in front of Spring Session's JDBC one: it sends the database only
 * what a request changed, and never reads back within a request the session that request has just saved.
 *
 * <p>Why (measured in {@code bench/identification}, statement by statement): Spring Session saves a session on every
 * request, because every request sets its last access, and {@link SessionStore#UPDATE_WHEN_CHANGED} only spared the
 * write, not the statement and its transaction; and it commits a session twice when a page is written before the
 * request ends (once when the response is committed, again at the end of the request), the second time reading the
 * whole session from the database again only to learn its id. On the NRM queue page, a page kept in memory, those
 * were four of the five statements.
 *
 * <p>What is sent: a session is saved through to the database when it is new, when its id, its time-out or any of
 * its attributes changed in the request, or when its stored last access is {@link SessionStore#TOUCH_EVERY} old
 * (the time-out then counts from a last access up to a minute old, as before). Anything else a request does to a
 * session is its last access alone. The session a request saved is given back to that request (and to no other) when
 * it asks for it again; {@link RequestEnd} forgets it when the request ends.
 */
final class SessionWrites implements FindByIndexNameSessionRepository<SessionWrites.Tracked> {

    /** The session this thread's request saved last, until the request ends. */
    private static final ThreadLocal<Tracked> SAVED = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> jdbc;
    private final Duration touchEvery;

    @SuppressWarnings("unchecked")
    SessionWrites(FindByIndexNameSessionRepository<? extends Session> jdbc, Duration touchEvery) {
        // Spring Session's JDBC session class is not public: it is handed back to the repository that made it
        this.jdbc = (FindByIndexNameSessionRepository<Session>) jdbc;
        this.touchEvery = touchEvery;
    }

    @Override
    public Tracked createSession() {
        return new Tracked(jdbc.createSession(), null);
    }

    @Override
    public void save(Tracked session) {
        if (session.mustBeWritten(touchEvery)) {
            jdbc.save(session.stored);
            session.written();
        }
        SAVED.set(session);
    }

    @Override
    public Tracked findById(String id) {
        Tracked saved = SAVED.get();
        if (saved != null && saved.getId().equals(id)) {
            return saved;
        }
        Session stored = jdbc.findById(id);
        return stored == null ? null : new Tracked(stored, stored.getLastAccessedTime());
    }

    @Override
    public void deleteById(String id) {
        Tracked saved = SAVED.get();
        if (saved != null && saved.getId().equals(id)) {
            SAVED.remove();
        }
        jdbc.deleteById(id);
    }

    @Override
    public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Tracked> found = new LinkedHashMap<>();
        jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, stored) -> found.put(id, new Tracked(stored, stored.getLastAccessedTime())));
        return found;
    }

    /** Forgets the session this thread's request saved (at the end of every request). */
    static void requestEnded() {
        SAVED.remove();
    }

    /** A session as the repository stores it, and what the request changed in it besides its last access. */
    static final class Tracked implements Session {

        private final Session stored;
        /** The last access as stored in the database; null for a session that is not stored yet. */
        private Instant storedLastAccess;

        private boolean changed;

        private Tracked(Session stored, Instant storedLastAccess) {
            this.stored = stored;
            this.storedLastAccess = storedLastAccess;
        }

        boolean mustBeWritten(Duration touchEvery) {
            return storedLastAccess == null
                    || changed
                    || Duration.between(storedLastAccess, stored.getLastAccessedTime())
                                    .compareTo(touchEvery)
                            >= 0;
        }

        private void written() {
            storedLastAccess = stored.getLastAccessedTime();
            changed = false;
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed |= !interval.equals(stored.getMaxInactiveInterval());
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }

    /** Outside every other filter (the session filter's included): the request's saved session is forgotten. */
    @org.springframework.stereotype.Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class RequestEnd extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            requestEnded();
            try {
                chain.doFilter(request, response);
            } finally {
                requestEnded();
            }
        }
    }
}
