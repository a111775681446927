package org.opennrm.access;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.organisations.OrganisationMember;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person acting now: their account, organisation, roles and grants. Facades of other modules ask
 * it whether an action is allowed and within which scope; audit entries name it.
 *
 * <p>Holds no password or secret; {@code toString()} shows only ids.
 */
@NamedInterface("actor")
public record Actor(UUID accountId, String username, UUID organisationId, Set<Role> roles, Set<Grant> grants)
        implements OrganisationMember, java.security.Principal, java.io.Serializable {

    public Actor {
        roles = Set.copyOf(roles);
        grants = Set.copyOf(grants);
    }

    /**
     * The username: what Spring Security's {@code Authentication.getName()} gives for an actor, and what a page
     * shows as the signed-in person (without this it would show the ids of {@link #toString()}).
     */
    @Override
    public String getName() {
        return username;
    }

    static Actor of(UUID accountId, String username, UUID organisationId, Set<Role> roles) {
        Set<Grant> grants = roles.stream().flatMap(r -> r.grants().stream()).collect(Collectors.toSet());
        return new Actor(accountId, username, organisationId, roles, grants);
    }

    /** The widest scope in which this actor holds the permission, if at all. */
    public Optional<Scope> scopeOf(Permission permission) {
        return grants.stream()
                .filter(g -> g.permission() == permission)
                .map(Grant::scope)
                .max(Scope::compareTo);
    }

    public boolean can(Permission permission, Scope scope) {
        return grants.stream().anyMatch(g -> g.covers(new Grant(permission, scope)));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The actor of the current request, if someone is fully signed in. */
    public static Optional<Actor> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        return switch (authentication.getPrincipal()) {
            case Actor actor -> Optional.of(actor);
            case AccountPrincipal principal -> Optional.of(principal.actor());
            case null, default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return "Actor[" + accountId + "]";
    }
}
