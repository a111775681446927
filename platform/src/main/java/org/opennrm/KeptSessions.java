package org.opennrm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions as this node last read them from the database, so that a page whose request changes nothing in its
 * session sends the database no statement for it. Read by {@link SessionWrites}; the database stays the only
 * place a session lives (any node serves any request, a session survives the node that made it).
 *
 * <p>Why: a session is read on every request; on the NRM queue page, a page kept in memory, that read was the only
 * statement left (measured in {@code bench/identification}).
 *
 * <p>When a copy is used: only while this node hears the other nodes' change notices ({@link ChangeNotices}), for
 * at most {@code opennrm.sessions.kept-for} (5 s) after the read it was made from, and before the session's stored
 * last access says it has expired. A copy is forgotten on every node when the session is saved or deleted
 * anywhere: the node that writes forgets its own copy before its request ends and sends a notice naming a hash of the
 * session's id (never the id, which is the secret in the cookie), and the others forget theirs when the notice
 * arrives, within milliseconds of the commit. Losing the notices' connection forgets every copy and stops their use
 * until it listens again; the time limit bounds what a notice that never came could leave (a connection dead
 * without either end knowing). So a sign-out, a new session id at sign-in and a session deleted for an account
 * reach every node as before, up to the notice's delivery later. A request that changes its session (any attribute,
 * its id, its time-out, or a last access a minute old) reads the session from the database first and saves that.
 *
 * <p>What is kept: only sessions whose attributes are all of the kinds no request changes in place: who is signed
 * in (the authentication, each request getting a security context of its own, which a sign-out may empty) and the
 * CSRF token. A session that holds anything else (a flash message, a saved request, an authenticator key being
 * enrolled, a sign-in half done) is read from the database on every request, as before.
 */
@Component
class KeptSessions extends ChangeCount {

    private static final Logger log = LoggerFactory.getLogger(KeptSessions.class);

    /** Kept copies at most; past that the map is emptied (an installation has hundreds of sessions, not this). */
    static final int KEPT_AT_MOST = 10_000;

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final long keptForNanos;
    /**
     * A notice's own transaction: the session's write has committed in a transaction of its own, and the request's
     * transaction (a session is saved when the response is sent, sometimes inside one) may yet roll back. Null where
     * there is no database (a unit test).
     */
    private final TransactionTemplate notices;

    KeptSessions(
            @Value("${opennrm.sessions.kept-for:PT5S}") Duration keptFor,
            ObjectProvider<PlatformTransactionManager> transactions) {
        this.keptForNanos = keptFor.toNanos();
        var manager = transactions.getIfAvailable();
        if (manager == null) {
            this.notices = null;
        } else {
            this.notices = new TransactionTemplate(manager);
            this.notices.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    /** What a read of a session finds current, taken before the read (see {@link #keep}). */
    long readMark() {
        return count();
    }

    /** A copy of the session with this id that may be used now, or null: then the session is read. */
    Copy find(String id) {
        var copy = copies.get(key(id));
        if (copy == null || !copy.id.equals(id)) {
            return null;
        }
        if (!hearsOtherNodes() || System.nanoTime() - copy.readNanos >= keptForNanos || copy.expired()) {
            return null;
        }
        return copy;
    }

    /**
     * Keeps a copy of a session read from the database when all it holds can be kept, unless a change to any session
     * ended since {@code mark} (then what was read may already be out of date).
     */
    void keep(long mark, Session read) {
        if (!hearsOtherNodes()) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>();
        for (String name : read.getAttributeNames()) {
            Object value = read.getAttribute(name);
            if (value instanceof SecurityContextImpl context && context.getAuthentication() != null) {
                attributes.put(name, new SignedIn(context.getAuthentication()));
            } else if (value instanceof DefaultCsrfToken token) {
                attributes.put(name, token);
            } else {
                return;
            }
        }
        var copy = new Copy(
                read.getId(),
                read.getCreationTime(),
                read.getLastAccessedTime(),
                read.getMaxInactiveInterval(),
                Map.copyOf(attributes),
                System.nanoTime());
        if (copies.size() >= KEPT_AT_MOST) {
            copies.clear();
        }
        // atomic with a change to the same session: a change counted before this point refuses the copy, one
        // counted after it removes the copy
        copies.compute(key(read.getId()), (key, old) -> count() == mark ? copy : old);
    }

    /**
     * The session with this id was saved or deleted through this node: the copy here is forgotten now, the other
     * nodes' when they hear of it. Called after the write has committed.
     */
    void written(String id) {
        String key = key(id);
        forget(key);
        if (notices == null) {
            notice(key); // no database: nothing to commit
            return;
        }
        try {
            notices.executeWithoutResult(status -> notice(key));
        } catch (RuntimeException e) {
            if (!DatabaseUnavailableFilter.databaseUnavailable(e)) {
                throw e;
            }
            // the write itself was left out too (SessionStore.SavesDuringOutage); the other nodes forget every copy
            // when they listen again
            log.warn("Session change not announced, the database is unavailable");
        }
    }

    @Override
    void changedElsewhere() {
        super.changedElsewhere();
        copies.clear();
    }

    @Override
    void changedElsewhere(String detail) {
        forget(detail);
    }

    private void forget(String key) {
        super.changedElsewhere();
        copies.remove(key);
    }

    /** How a session is named in notices: a hash of its id, which cannot be turned back into the id. */
    static String key(String id) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Who is signed in, kept without the security context around it, which belongs to one request. */
    private record SignedIn(Authentication authentication) {}

    /** A session as read from the database, shared by the requests that use it, never changed. */
    record Copy(
            String id,
            Instant creationTime,
            Instant storedLastAccess,
            Duration maxInactiveInterval,
            Map<String, Object> attributes,
            long readNanos) {

        boolean expired() {
            return expired(storedLastAccess, maxInactiveInterval);
        }

        /** Spring Session's rule: a negative time-out never expires. */
        static boolean expired(Instant lastAccess, Duration maxInactiveInterval) {
            return !maxInactiveInterval.isNegative() && !Instant.now().isBefore(lastAccess.plus(maxInactiveInterval));
        }

        /** The session as one request sees it, until the request changes it. */
        View view() {
            return new View(this);
        }
    }

    /**
     * One request's session read from a {@link Copy}. It answers what the request reads; a request that changes
     * anything but the last access gets the session from the database first ({@link SessionWrites}).
     */
    static final class View implements Session {

        private final Copy copy;
        private Instant lastAccessedTime;
        private SecurityContext context;

        private View(Copy copy) {
            this.copy = copy;
            this.lastAccessedTime = copy.storedLastAccess;
        }

        @Override
        public String getId() {
            return copy.id;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(String attributeName) {
            Object value = copy.attributes.get(attributeName);
            if (value instanceof SignedIn signedIn) {
                if (context == null) {
                    context = new SecurityContextImpl(signedIn.authentication());
                }
                return (T) context;
            }
            return (T) value;
        }

        @Override
        public Set<String> getAttributeNames() {
            return copy.attributes.keySet();
        }

        @Override
        public Instant getCreationTime() {
            return copy.creationTime;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            this.lastAccessedTime = lastAccessedTime;
        }

        @Override
        public Instant getLastAccessedTime() {
            return lastAccessedTime;
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return copy.maxInactiveInterval;
        }

        @Override
        public boolean isExpired() {
            return Copy.expired(lastAccessedTime, copy.maxInactiveInterval);
        }

        /** The session this view came from, as read then, for a request that changes it. */
        Copy copy() {
            return copy;
        }

        @Override
        public String changeSessionId() {
            throw new UnsupportedOperationException("a kept session is changed after reading it again");
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            throw new UnsupportedOperationException("a kept session is changed after reading it again");
        }

        @Override
        public void removeAttribute(String attributeName) {
            throw new UnsupportedOperationException("a kept session is changed after reading it again");
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            throw new UnsupportedOperationException("a kept session is changed after reading it again");
        }
    }
}
