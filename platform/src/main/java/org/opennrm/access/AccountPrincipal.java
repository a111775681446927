package org.opennrm.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.opennrm.organisations.OrganisationMember;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in account as Spring Security sees it. The password hash is erased after sign-in. */
final class AccountPrincipal implements UserDetails, CredentialsContainer, OrganisationMember {

    /** Held by every fully signed-in session (password and, where required, the second factor). */
    static final String SIGNED_IN = "SIGNED_IN";

    private final Actor actor;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    AccountPrincipal(Account account, boolean locked) {
        this.actor = account.actor();
        this.displayName = account.displayName();
        this.passwordHash = account.passwordHash();
        this.enabled = account.enabled();
        this.locked = locked;
    }

    Actor actor() {
        return actor;
    }

    UUID accountId() {
        return actor.accountId();
    }

    String displayName() {
        return displayName;
    }

    @Override
    public UUID organisationId() {
        return actor.organisationId();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(actor);
    }

    static List<GrantedAuthority> authoritiesOf(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(SIGNED_IN));
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        actor.grants().forEach(grant -> authorities.add(new SimpleGrantedAuthority(grant.authority())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + actor.accountId() + "]";
    }
}
