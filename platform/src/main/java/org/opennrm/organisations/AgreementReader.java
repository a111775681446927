package org.opennrm.organisations;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which agreements the person asking may read: all of them ({@code agreements:read:all}), those their
 * own organisation is a party to ({@code agreements:read:organisation}), or none.
 */
record AgreementReader(boolean readsAll, Optional<UUID> organisationId) {

    static final String READ_ALL = "agreements:read:all";
    static final String READ_ORGANISATION = "agreements:read:organisation";

    static AgreementReader current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return new AgreementReader(false, Optional.empty());
        }
        var authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        if (authorities.contains(READ_ALL)) {
            return new AgreementReader(true, Optional.empty());
        }
        if (authorities.contains(READ_ORGANISATION)) {
            return new AgreementReader(false, OrganisationMember.current().map(OrganisationMember::organisationId));
        }
        return new AgreementReader(false, Optional.empty());
    }

    boolean mayRead(Agreement agreement) {
        return readsAll || organisationId.map(agreement::hasParty).orElse(false);
    }
}
