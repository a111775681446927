package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A node's copies of sessions ({@link KeptSessions}) through {@link SessionWrites}: a signed-in session whose
 * request changes nothing is read from the database once, not on every request; a copy is not used when the node
 * does not hear the other nodes, after its time limit, or once a change to it was noticed here or elsewhere; a
 * request that changes a session read from a copy saves the database's session with its change; notices name a
 * hash, never the session id.
 */
class KeptSessionsTests {

    static final String CONTEXT = "SPRING_SECURITY_CONTEXT";
    static final String CSRF = "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";

    final SessionWritesTests.Counting database = new SessionWritesTests.Counting();
    final KeptSessions kept = keptSessions(Duration.ofSeconds(5));
    final SessionWrites sessions = new SessionWrites(database, SessionStore.TOUCH_EVERY, kept);
    final List<String> notices = new ArrayList<>();
    boolean hearing = true;

    KeptSessionsTests() {
        kept.sendNoticesTo(notices::add, () -> hearing);
    }

    static KeptSessions keptSessions(Duration keptFor) {
        return new KeptSessions(
                keptFor, new StaticListableBeanFactory().getBeanProvider(PlatformTransactionManager.class));
    }

    @AfterEach
    void requestEnds() {
        SessionWrites.requestEnded();
    }

    @Test
    void aSignedInSessionIsReadOnceAndEachRequestGetsASecurityContextOfItsOwn() {
        String id = signedInSession();
        int reads = database.reads;

        var first = request(id);
        SecurityContext firstContext = first.getAttribute(CONTEXT);
        assertThat((Object) first.getAttribute(CONTEXT))
                .as("the same within a request")
                .isSameAs(firstContext);
        var second = request(id);
        var third = request(id);
        assertThat(database.reads).as("read once, then the copy").isEqualTo(reads + 1);

        SecurityContext secondContext = second.getAttribute(CONTEXT);
        assertThat(secondContext).isNotSameAs(firstContext);
        assertThat(secondContext.getAuthentication().getName()).isEqualTo("casemanager");
        secondContext.setAuthentication(null); // as a sign-out empties its request's context
        assertThat(((SecurityContext) third.getAttribute(CONTEXT)).getAuthentication())
                .as("another request's context is untouched")
                .isNotNull();
        assertThat(((DefaultCsrfToken) third.getAttribute(CSRF)).getToken()).isEqualTo("token");
        assertThat(database.saves).as("nothing changed, nothing saved").isEqualTo(1);
    }

    @Test
    void noCopyIsUsedWhileTheNodeDoesNotHearTheOthers() {
        String id = signedInSession();
        hearing = false;
        int reads = database.reads;
        request(id);
        request(id);
        assertThat(database.reads).isEqualTo(reads + 2);

        hearing = true;
        request(id);
        hearing = false;
        request(id);
        assertThat(database.reads)
                .as("a copy made while hearing is not used after")
                .isEqualTo(reads + 4);
    }

    @Test
    void aSessionHoldingAnythingElseIsReadEveryTime() {
        String id = signedInSession();
        var flash = request(id);
        flash.setAttribute("org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS", "saved");
        sessions.save(flash);
        SessionWrites.requestEnded();

        int reads = database.reads;
        request(id);
        request(id);
        assertThat(database.reads).isEqualTo(reads + 2);
    }

    @Test
    void aChangeNoticedFromAnotherNodeOrALostConnectionForgetsTheCopy() {
        String id = signedInSession();
        request(id);
        int reads = database.reads;
        request(id);
        assertThat(database.reads).isEqualTo(reads);

        kept.changedElsewhere(KeptSessions.key("another session"));
        request(id);
        assertThat(database.reads)
                .as("another session's change leaves this copy")
                .isEqualTo(reads);

        kept.changedElsewhere(KeptSessions.key(id));
        request(id);
        assertThat(database.reads).as("read again after its change elsewhere").isEqualTo(reads + 1);
        request(id);
        assertThat(database.reads).isEqualTo(reads + 1);

        kept.changedElsewhere(); // the listening connection was lost and is back: notices may have been missed
        request(id);
        assertThat(database.reads).isEqualTo(reads + 2);
    }

    @Test
    void theNoticesOfAnotherNodeReachTheCopies() {
        var notices = new ChangeNotices(null, null, List.of(kept), Duration.ofMillis(500));
        kept.sendNoticesTo(this.notices::add, () -> true); // as if listening
        String id = signedInSession();
        request(id);
        assertThat(kept.find(id)).isNotNull();

        notices.received("another-node KeptSessions " + KeptSessions.key("another session"));
        notices.received("another-node CaseFileChanges");
        assertThat(kept.find(id)).isNotNull();
        notices.received("another-node KeptSessions " + KeptSessions.key(id));
        assertThat(kept.find(id)).isNull();

        request(id);
        assertThat(kept.find(id)).isNotNull();
        notices.received("another-node KeptSessions");
        assertThat(kept.find(id))
                .as("a notice naming no session: any may have changed")
                .isNull();
    }

    @Test
    void aCopyIsNotUsedAfterItsTimeLimit() {
        var briefly = keptSessions(Duration.ZERO);
        briefly.sendNoticesTo(notices::add, () -> true);
        var writes = new SessionWrites(database, SessionStore.TOUCH_EVERY, briefly);
        String id = signedInSession();
        int reads = database.reads;
        writes.findById(id);
        SessionWrites.requestEnded();
        writes.findById(id);
        assertThat(database.reads).isEqualTo(reads + 2);
    }

    @Test
    void aCopyIsNotMadeFromAReadThatAChangeOvertook() {
        String id = signedInSession();
        long mark = kept.readMark();
        var read = database.findById(id);
        kept.changedElsewhere(KeptSessions.key(id)); // committed elsewhere while this node read
        kept.keep(mark, read);
        assertThat(kept.find(id)).isNull();

        kept.keep(kept.readMark(), database.findById(id));
        assertThat(kept.find(id)).isNotNull();
    }

    @Test
    void aRequestThatChangesASessionFromACopySavesTheDatabasesSessionWithItsChange() {
        String id = signedInSession();
        request(id);
        // another node added something the copy does not have, and its notice is still on its way
        var elsewhere = database.findById(id);
        elsewhere.setAttribute("added elsewhere", "kept");
        database.save(elsewhere);
        int saves = database.saves;
        notices.clear();

        var changing = nextRequest(id);
        changing.setLastAccessedTime(Instant.now());
        changing.setAttribute("step", "second");
        sessions.save(changing);
        assertThat(database.saves).isEqualTo(saves + 1);
        assertThat((String) database.stored(id).getAttribute("step")).isEqualTo("second");
        assertThat((String) database.stored(id).getAttribute("added elsewhere"))
                .as("saved from the database's session, not the copy")
                .isEqualTo("kept");
        assertThat(notices).containsExactly("KeptSessions " + KeptSessions.key(id));
        assertThat(String.join(" ", notices)).doesNotContain(id);

        SessionWrites.requestEnded();
        int reads = database.reads;
        request(id);
        assertThat(database.reads).as("the copy was forgotten").isEqualTo(reads + 1);
    }

    @Test
    void aNewIdAtSignInForgetsTheOldIdsCopyEverywhere() {
        String id = signedInSession();
        request(id);
        notices.clear();
        var signingIn = nextRequest(id);
        String newId = signingIn.changeSessionId();
        sessions.save(signingIn);
        assertThat(notices)
                .containsExactlyInAnyOrder(
                        "KeptSessions " + KeptSessions.key(newId), "KeptSessions " + KeptSessions.key(id));
        SessionWrites.requestEnded();
        assertThat(sessions.findById(id)).as("the old id no longer works").isNull();
        assertThat(sessions.findById(newId)).isNotNull();
    }

    @Test
    void aSessionDeletedElsewhereIsNotWrittenBackByARequestThatReadItsCopy() {
        String id = signedInSession();
        request(id);
        var changing = nextRequest(id);
        database.deleteById(id); // signed out through another node, whose notice has not arrived yet
        changing.setAttribute("step", "second");
        assertThat((String) changing.getAttribute("step")).isEqualTo("second");
        int saves = database.saves;
        sessions.save(changing);
        assertThat(database.saves).isEqualTo(saves);
        assertThat(database.stored(id)).as("not brought back").isNull();
        SessionWrites.requestEnded();
        assertThat(sessions.findById(id)).isNull();
    }

    @Test
    void aSessionReadFromACopyIsTouchedInTheDatabaseAMinuteOn() {
        String id = signedInSession();
        Instant stored = database.stored(id).getLastAccessedTime();
        request(id);
        int saves = database.saves;
        var later = nextRequest(id);
        later.setLastAccessedTime(stored.plus(SessionStore.TOUCH_EVERY));
        sessions.save(later);
        assertThat(database.saves).isEqualTo(saves + 1);
        assertThat(database.stored(id).getLastAccessedTime()).isEqualTo(stored.plus(SessionStore.TOUCH_EVERY));
    }

    @Test
    void signOutDeletesTheSessionAndItsCopy() {
        String id = signedInSession();
        request(id);
        notices.clear();
        nextRequest(id);
        sessions.deleteById(id);
        assertThat(notices).containsExactly("KeptSessions " + KeptSessions.key(id));
        assertThat(sessions.findById(id)).isNull();
    }

    @Test
    void anExpiredCopyIsNotUsed() {
        var idle = new org.springframework.session.MapSession();
        idle.setMaxInactiveInterval(Duration.ofMinutes(30));
        idle.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
        kept.keep(kept.readMark(), idle);
        assertThat(kept.find(idle.getId()))
                .as("its stored last access is older than its time-out")
                .isNull();

        var active = new org.springframework.session.MapSession();
        active.setMaxInactiveInterval(Duration.ofMinutes(30));
        active.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(29)));
        kept.keep(kept.readMark(), active);
        assertThat(kept.find(active.getId())).isNotNull();
    }

    /** The session as the next request finds it, before it changes anything. */
    private SessionWrites.Tracked nextRequest(String id) {
        SessionWrites.requestEnded();
        var session = sessions.findById(id);
        assertThat(kept.find(id)).as("read from this node's copy").isNotNull();
        return session;
    }

    /** A request: the session filter finds the session, sets its last access, and saves it at the end. */
    private SessionWrites.Tracked request(String id) {
        SessionWrites.requestEnded();
        var session = sessions.findById(id);
        session.setLastAccessedTime(session.getLastAccessedTime());
        sessions.save(session);
        return session;
    }

    private String signedInSession() {
        var session = sessions.createSession();
        session.setLastAccessedTime(Instant.now());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                "casemanager", null, AuthorityUtils.createAuthorityList("ROLE_CASE_MANAGER"));
        session.setAttribute(CONTEXT, new SecurityContextImpl(authentication));
        session.setAttribute(CSRF, new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token"));
        sessions.save(session);
        SessionWrites.requestEnded();
        return session.getId();
    }
}
