package org.opennrm.organisations;

import java.util.UUID;

/**
 * Someone who works for a partner organisation. Declared here, implemented by the signed-in principal
 * of the access module, so that this module can scope what it shows without depending on access.
 */
public interface OrganisationMember {

    UUID organisationId();

    /** The signed-in member, if the current principal is one. */
    static java.util.Optional<OrganisationMember> current() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OrganisationMember member) {
            return java.util.Optional.of(member);
        }
        return java.util.Optional.empty();
    }
}
