package org.opennrm.organisations;

import java.util.Set;
import java.util.UUID;

/** What is known about a partner organisation changed: its name, sector, roles, services or contacts. */
public record OrganisationChanged(UUID organisationId, Sector sector, Set<NrmRole> nrmRoles) {

    public OrganisationChanged {
        nrmRoles = Set.copyOf(nrmRoles);
    }
}
