package org.opennrm.access;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Personal access tokens for tests that call the API over a real port, as a script of an organisation would. */
public final class TestTokens {

    private TestTokens() {}

    /**
     * A new account with these roles in this organisation, and a token carrying every grant of those roles: created
     * as an administrator would create them, through the facades.
     */
    public static String tokenWithRoles(
            AccountManagement accounts, AccessTokens tokens, UUID organisationId, Set<Role> roles) {
        var administrator = TestSignIn.actor(Role.ADMINISTRATOR, organisationId);
        var context = SecurityContextHolder.getContext();
        var before = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                administrator, null, AccountPrincipal.authoritiesOf(administrator)));
        try {
            var account = accounts.create(new AccountManagement.NewAccount(
                    "api-client-" + UUID.randomUUID().toString().substring(0, 8),
                    "Synthetic API client",
                    null,
                    organisationId,
                    roles,
                    "a long synthetic password for an API client"));
            var owner = account.actor();
            return tokens.create(owner, "test client", owner.grants().stream().collect(Collectors.toSet()), null)
                    .value();
        } finally {
            context.setAuthentication(before);
        }
    }
}
