package org.opennrm.organisations.api;

import java.util.Set;
import java.util.UUID;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationStatus;
import org.opennrm.organisations.Sector;

/** An organisation in a list. */
record OrganisationSummary(
        UUID id,
        String name,
        Sector sector,
        Set<NrmRole> nrmRoles,
        Set<String> regionsServed,
        OrganisationStatus status,
        int version) {

    static OrganisationSummary of(Organisation organisation) {
        return new OrganisationSummary(
                organisation.id(),
                organisation.name(),
                organisation.sector(),
                organisation.nrmRoles(),
                organisation.regionsServed(),
                organisation.status(),
                organisation.version());
    }
}
