package org.opennrm.access;

import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs a MockMvc request in as a fully signed-in actor with the given role and organisation. */
public final class TestSignIn {

    private TestSignIn() {}

    public static RequestPostProcessor as(Role role, UUID organisationId) {
        return as(actor(role, organisationId));
    }

    public static RequestPostProcessor as(Actor actor) {
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(actor, null, AccountPrincipal.authoritiesOf(actor));
        return SecurityMockMvcRequestPostProcessors.authentication(authentication);
    }

    /** An actor with a random account id (not stored) for tests that need no account row. */
    public static Actor actor(Role role, UUID organisationId) {
        return Actor.of(UUID.randomUUID(), "test-" + role.name().toLowerCase(), organisationId, Set.of(role));
    }

    /** An actor with a given account id (a stored account's, for tests that look up what it owns). */
    public static Actor actorOf(UUID accountId, Role role, UUID organisationId) {
        return Actor.of(accountId, "test-" + role.name().toLowerCase(), organisationId, Set.of(role));
    }

    /** The actor of a stored account, for tests whose code looks the account up. */
    public static Actor actorOf(Account account) {
        return account.actor();
    }
}
