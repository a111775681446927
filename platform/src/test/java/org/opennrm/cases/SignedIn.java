package org.opennrm.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs facade calls as a signed-in actor, with the authorities production gives that actor. */
public final class SignedIn {

    private SignedIn() {}

    public static <T> T as(Role role, UUID organisationId, Supplier<T> work) {
        return as(TestSignIn.actor(role, organisationId), work);
    }

    public static void run(Role role, UUID organisationId, Runnable work) {
        as(role, organisationId, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T as(Actor actor, Supplier<T> work) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("SIGNED_IN"));
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        actor.grants().forEach(grant -> authorities.add(new SimpleGrantedAuthority(grant.authority())));
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
