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
import org.springframework.session.MapSession;
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
 * it asks for it again; {@link RequestEnd} forgets it when the request ends. A session this node has kept a copy of
 * ({@link KeptSessions}) is not read at all until the request changes it.
 */
final class SessionWrites implements FindByIndexNameSessionRepository<SessionWrites.Tracked> {

    /** The session this thread's request saved last, until the request ends. */
    private static final ThreadLocal<Tracked> SAVED = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> jdbc;
    private final Duration touchEvery;
    private final KeptSessions kept;

    @SuppressWarnings("unchecked")
    SessionWrites(FindByIndexNameSessionRepository<? extends Session> jdbc, Duration touchEvery, KeptSessions kept) {
        // Spring Session's JDBC session class is not public: it is handed back to the repository that made it
        this.jdbc = (FindByIndexNameSessionRepository<Session>) jdbc;
        this.touchEvery = touchEvery;
        this.kept = kept;
    }

    @Override
    public Tracked createSession() {
        return new Tracked(this, jdbc.createSession(), null);
    }

    @Override
    public void save(Tracked session) {
        if (session.mustBeWritten(touchEvery)) {
            // a session saved for the first time has an id no node can have kept: nothing to announce (every
            // visitor's first page makes one)
            boolean stored = session.storedLastAccess != null;
            Session write = session.fromDatabase();
            if (write != null) {
                jdbc.save(write);
            }
            session.written();
            if (stored) {
                kept.written(session.getId());
                if (!session.readAs.equals(session.getId())) {
                    kept.written(session.readAs);
                }
            }
        }
        SAVED.set(session);
    }

    @Override
    public Tracked findById(String id) {
        Tracked saved = SAVED.get();
        if (saved != null && saved.getId().equals(id)) {
            return saved;
        }
        var copy = kept.find(id);
        if (copy != null) {
            return new Tracked(this, copy.view(), copy.storedLastAccess());
        }
        long mark = kept.readMark();
        Session stored = jdbc.findById(id);
        if (stored == null) {
            return null;
        }
        kept.keep(mark, stored);
        return new Tracked(this, stored, stored.getLastAccessedTime());
    }

    @Override
    public void deleteById(String id) {
        Tracked saved = SAVED.get();
        if (saved != null && saved.getId().equals(id)) {
            SAVED.remove();
        }
        jdbc.deleteById(id);
        kept.written(id);
    }

    @Override
    public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Tracked> found = new LinkedHashMap<>();
        jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, stored) -> found.put(id, new Tracked(this, stored, stored.getLastAccessedTime())));
        return found;
    }

    /** Forgets the session this thread's request saved (at the end of every request). */
    static void requestEnded() {
        SAVED.remove();
    }

    /**
     * A session as the repository stores it, and what the request changed in it besides its last access. A session
     * read from a node's copy ({@link KeptSessions.View}) is read from the database before the request changes it,
     * so that what is saved is the database's session with this request's change, never the copy.
     */
    static final class Tracked implements Session {

        private final SessionWrites repository;
        /** The id the request found the session by (another after a new id). */
        private final String readAs;

        private Session stored;
        /** The last access as stored in the database; null for a session that is not stored yet. */
        private Instant storedLastAccess;

        private boolean changed;
        /** The session was read from a copy and is no longer in the database: nothing of it is saved. */
        private boolean gone;

        private Tracked(SessionWrites repository, Session stored, Instant storedLastAccess) {
            this.repository = repository;
            this.stored = stored;
            this.storedLastAccess = storedLastAccess;
            this.readAs = stored.getId();
        }

        /**
         * The session to change and save: the one read from the database, read now if the request had a copy; null
         * when the session is no longer there (deleted through another node since the copy was made).
         */
        private Session fromDatabase() {
            if (stored instanceof KeptSessions.View view) {
                Session read = repository.jdbc.findById(view.getId());
                if (read == null) {
                    gone = true;
                    // the request goes on with what it read; nothing of it is saved
                    stored = copyOf(view);
                    return null;
                }
                storedLastAccess = read.getLastAccessedTime();
                read.setLastAccessedTime(view.getLastAccessedTime());
                stored = read;
            }
            return gone ? null : stored;
        }

        private static Session copyOf(KeptSessions.View view) {
            var copy = new MapSession(view.getId());
            copy.setCreationTime(view.getCreationTime());
            copy.setLastAccessedTime(view.getLastAccessedTime());
            copy.setMaxInactiveInterval(view.getMaxInactiveInterval());
            view.getAttributeNames().forEach(name -> copy.setAttribute(name, view.getAttribute(name)));
            return copy;
        }

        /** The session, read from the database first if the request had a copy, for a change. */
        private Session toChange() {
            fromDatabase();
            return stored;
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
            return toChange().changeSessionId();
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
            toChange().setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            toChange().removeAttribute(attributeName);
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
            if (interval.equals(stored.getMaxInactiveInterval())) {
                return;
            }
            changed = true;
            toChange().setMaxInactiveInterval(interval);
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
