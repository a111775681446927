package org.opennrm.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opennrm.access.Account;
import org.opennrm.access.Actor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo seeds act as the demo's people would, through the modules' facades and their permission checks: a stored
 * account as the actor it signs in as, and work run signed in as that actor on the seeding thread.
 */
final class DemoActors {

    private DemoActors() {}

    /** A stored account as the actor it signs in as: its roles' grants. */
    static Actor actorOf(Account account) {
        return new Actor(
                account.id(),
                account.username(),
                account.organisationId(),
                account.roles(),
                account.roles().stream()
                        .flatMap(role -> role.grants().stream())
                        .collect(java.util.stream.Collectors.toSet()));
    }

    /** What a fully signed-in actor holds: signed in, its roles, its grants. */
    static List<GrantedAuthority> authorities(Actor actor) {
        var authorities = new ArrayList<GrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority("SIGNED_IN"));
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        actor.grants().forEach(grant -> authorities.add(new SimpleGrantedAuthority(grant.authority())));
        return authorities;
    }

    /** Runs {@code work} signed in as {@code actor}, then puts back whoever was signed in before. */
    static <T> T as(Actor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities(actor)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
